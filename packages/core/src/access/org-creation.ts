/** Who may create organizations on this instance (instance setting `org_creation`). */
export const orgCreationModes = ["instance_admins", "any_user"] as const;
export type OrgCreationMode = (typeof orgCreationModes)[number];
export const defaultOrgCreationMode: OrgCreationMode = "instance_admins";

export const isOrgCreationMode = (value: unknown): value is OrgCreationMode =>
  typeof value === "string" && (orgCreationModes as readonly string[]).includes(value);

/**
 * Creating an organization is an instance-level act, so it is decided on the signed-in person, not on an
 * org-scoped actor. API tokens never may: a token belongs to one org and must not reach beyond it.
 */
export function mayCreateOrg(
  who: { via: "session" | "token"; isInstanceAdmin: boolean },
  mode: OrgCreationMode,
): boolean {
  if (who.via !== "session") return false;
  return mode === "any_user" || who.isInstanceAdmin;
}
