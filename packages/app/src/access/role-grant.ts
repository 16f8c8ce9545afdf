import {
  builtinRoleLabels,
  builtinRolePermissions,
  isBuiltinRole,
  isPermission,
  invalidInput,
  type BuiltinRole,
  type Permission,
  type RoleInput,
} from "@openaims/core";
import { and, eq, isNull } from "drizzle-orm";
import { tables, type Executor } from "@openaims/db";

/** How a role is stored on memberships, invitations and tokens: a built-in name, or a custom role id. */
export interface RoleGrant {
  role: BuiltinRole | null;
  customRoleId: string | null;
}

export const roleKeyOf = (g: RoleGrant): string => (g.role ? g.role : `custom:${g.customRoleId}`);

/** Resolves a role key from input into a grant, checking that a custom role exists in this org. */
export async function grantFromInput(
  tx: Executor,
  orgId: string,
  input: RoleInput,
): Promise<RoleGrant & { permissions: Set<Permission>; label: string }> {
  if (isBuiltinRole(input)) {
    return {
      role: input,
      customRoleId: null,
      permissions: new Set(builtinRolePermissions[input]),
      label: builtinRoleLabels[input],
    };
  }
  const id = input.slice("custom:".length);
  const [row] = await tx
    .select()
    .from(tables.customRoles)
    .where(
      and(
        eq(tables.customRoles.orgId, orgId),
        eq(tables.customRoles.id, id),
        isNull(tables.customRoles.deletedAt),
      ),
    )
    // Holds off a concurrent deletion of this role until the grant is committed (see deleteCustomRole).
    .for("share");
  if (!row)
    throw invalidInput("There is no such role in this organization.", {
      issues: [{ path: "role", message: "unknown role" }],
    });
  return {
    role: null,
    customRoleId: row.id,
    permissions: new Set(row.permissions.filter(isPermission)),
    label: row.name,
  };
}

/** Permissions of a stored grant (custom role permissions passed in when already joined). */
export function permissionsOfGrant(
  g: RoleGrant,
  customPermissions: readonly string[] | null,
): Set<Permission> {
  if (g.role && isBuiltinRole(g.role)) return new Set(builtinRolePermissions[g.role]);
  return new Set((customPermissions ?? []).filter(isPermission));
}

export function labelOfGrant(g: RoleGrant, customName: string | null): string {
  if (g.role && isBuiltinRole(g.role)) return builtinRoleLabels[g.role];
  return customName ?? "Custom role";
}
