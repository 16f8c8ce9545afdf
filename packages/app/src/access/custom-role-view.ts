import { and, count, eq, isNull, ne } from "drizzle-orm";
import {
  abilitiesOf,
  conflict,
  customRolePolicy,
  isPermission,
  notFound,
  type Actor,
  type CustomRoleView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { iso, sortedPermissions } from "./view-helpers";

export type CustomRoleRow = typeof tables.customRoles.$inferSelect;

/** `forUpdate` makes concurrent assignments (which read the role `FOR SHARE`) wait for a deletion. */
export async function loadCustomRole(
  db: Executor,
  orgId: string,
  roleId: string,
  forUpdate = false,
): Promise<CustomRoleRow> {
  const query = db
    .select()
    .from(tables.customRoles)
    .where(
      and(
        eq(tables.customRoles.orgId, orgId),
        eq(tables.customRoles.id, roleId),
        isNull(tables.customRoles.deletedAt),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Role");
  return row;
}

/** Names are unique per org among live roles; checked up front for a clear message (the index backs it). */
export async function assertRoleNameFree(db: Executor, orgId: string, name: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: tables.customRoles.id })
    .from(tables.customRoles)
    .where(
      and(
        eq(tables.customRoles.orgId, orgId),
        eq(tables.customRoles.name, name),
        isNull(tables.customRoles.deletedAt),
        ...(exceptId ? [ne(tables.customRoles.id, exceptId)] : []),
      ),
    );
  if (taken) throw conflict(`A role named "${name}" already exists in this organization.`);
}

export async function activeMemberCount(db: Executor, roleId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.customRoleId, roleId), eq(tables.memberships.status, "active")));
  return r?.n ?? 0;
}

export function presentCustomRole(actor: Actor, row: CustomRoleRow, memberCount: number): CustomRoleView {
  return {
    id: row.id,
    key: `custom:${row.id}`,
    name: row.name,
    description: row.description,
    permissions: sortedPermissions(row.permissions.filter(isPermission)),
    version: row.version,
    memberCount,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    abilities: abilitiesOf(actor, customRolePolicy, {}),
  };
}
