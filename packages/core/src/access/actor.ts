import type { Permission } from "./permissions";
import type { BuiltinRole } from "./roles";

/** Who is acting, in one organization, as resolved from a session or an API token. */
export interface Actor {
  kind: "user" | "token";
  userId: string;
  orgId: string;
  membershipId: string;
  /** the built-in role, or null when the grant is a custom role */
  role: BuiltinRole | null;
  customRoleId: string | null;
  permissions: ReadonlySet<Permission>;
  tokenId: string | null;
  isInstanceAdmin: boolean;
}

/** The actor recorded on audit events for work the system does itself (bootstrap, migrations). */
export interface SystemActor {
  kind: "system";
  label: string;
}

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);
