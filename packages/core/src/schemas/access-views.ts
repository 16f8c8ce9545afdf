import { z } from "zod";
import { invitationStatuses } from "../access/invitation-rules";
import { orgCreationModes } from "../access/org-creation";
import { Abilities, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./common";

/** Response and query shapes of the organizations, people and access endpoints. */

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isInstanceAdmin: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const LoginResult = z.object({ user: UserView, csrfToken: z.string() });
export type LoginResult = z.infer<typeof LoginResult>;

export const MeMembership = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  permissions: z.array(z.string()),
});
export type MeMembership = z.infer<typeof MeMembership>;

export const MeView = z.object({
  user: UserView,
  memberships: z.array(MeMembership),
  /** null when the caller uses an API token (tokens need no CSRF token) */
  csrfToken: z.string().nullable(),
  canCreateOrg: z.boolean(),
});
export type MeView = z.infer<typeof MeView>;

export const OrgCreationModeSchema = z.enum(orgCreationModes);

export const OrgView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: Abilities,
});
export type OrgView = z.infer<typeof OrgView>;

export const MemberListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["active", "deactivated"]).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const InvitationStatusSchema = z.enum(invitationStatuses);

export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  status: InvitationStatusSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
  invitedBy: z.string(),
  invitedByName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  abilities: Abilities,
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationListQuery = z.strictObject({
  status: InvitationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

export const CreatedInvitation = z.object({
  invitation: InvitationView,
  /** the secret; shown once, only its hash is stored */
  token: z.string(),
  acceptPath: z.string(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationPreview = z.object({
  orgName: z.string(),
  email: z.string(),
  roleLabel: z.string(),
  expiresAt: z.string(),
  userExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationResult = z.object({
  orgId: z.string(),
  user: UserView,
  /** present when accepting signed a new account in */
  csrfToken: z.string().optional(),
});
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResult>;

export const BuiltinRoleView = z.object({
  key: z.string(),
  label: z.string(),
  permissions: z.array(z.string()),
});
export const CustomRoleView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  version: z.number(),
  memberCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: Abilities,
});
export type CustomRoleView = z.infer<typeof CustomRoleView>;
export const RolesView = z.object({
  builtin: z.array(BuiltinRoleView),
  custom: z.array(CustomRoleView),
  permissions: z.array(z.object({ key: z.string(), description: z.string() })),
});
export type RolesView = z.infer<typeof RolesView>;

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  userId: z.string(),
  userName: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: Abilities,
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const CreatedApiToken = z.object({
  /** the secret; shown once, only its hash is stored */
  token: z.string(),
  apiToken: ApiTokenView,
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const VersionInput = z.strictObject({ version: z.number().int().min(1) });
export type VersionInput = z.infer<typeof VersionInput>;

export const BootstrapResultView = z.object({ userId: z.string(), orgId: z.string(), email: z.string() });
