import { z } from "zod";
import { permissions } from "../access/permissions";
import { builtinRoles } from "../access/roles";
import { Email, Name, Uuid, Version } from "./common";

export const BuiltinRoleSchema = z.enum(builtinRoles);
export const PermissionSchema = z.enum(permissions);

/** A role to grant: a built-in role name, or `custom:<uuid>` for a custom role. */
export const RoleInput = z.union([
  BuiltinRoleSchema,
  z.string().regex(/^custom:[0-9a-f-]{36}$/i, { message: "must be a built-in role or custom:<id>" }),
]);
export type RoleInput = z.infer<typeof RoleInput>;

export const Password = z
  .string()
  .min(12, { message: "must be at least 12 characters" })
  .max(512, { message: "must be at most 512 characters" });

export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(512) });
export type LoginInput = z.infer<typeof LoginInput>;

export const CreateOrgInput = z.strictObject({ name: Name(120) });
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;
export const UpdateOrgInput = z.strictObject({ name: Name(120), version: Version });
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const BootstrapInput = z.strictObject({
  email: Email,
  password: Password,
  org: Name(120),
  name: Name(120).optional(),
});
export type BootstrapInput = z.infer<typeof BootstrapInput>;

export const CreateInvitationInput = z.strictObject({
  email: Email,
  role: RoleInput,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const AcceptInvitationInput = z.strictObject({
  token: z.string().min(20).max(200),
  name: Name(120).optional(),
  password: Password.optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const UpdateMemberInput = z.strictObject({ role: RoleInput, version: Version });
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const CustomRoleInput = z.strictObject({
  name: Name(80),
  description: z.string().trim().max(500).default(""),
  permissions: z.array(PermissionSchema).min(1, { message: "must grant at least one permission" }).max(100),
});
export type CustomRoleInput = z.infer<typeof CustomRoleInput>;
export const UpdateCustomRoleInput = CustomRoleInput.extend({ version: Version });
export type UpdateCustomRoleInput = z.infer<typeof UpdateCustomRoleInput>;

export const CreateApiTokenInput = z.strictObject({
  name: Name(80),
  role: RoleInput.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const MembershipView = z.object({
  id: Uuid,
  orgId: Uuid,
  orgName: z.string(),
  userId: Uuid,
  email: z.string(),
  name: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  status: z.enum(["active", "deactivated"]),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.record(z.string(), z.boolean()).optional(),
});
export type MembershipView = z.infer<typeof MembershipView>;
