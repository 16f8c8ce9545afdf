import { and, asc, count, eq, isNull } from "drizzle-orm";
import {
  authorize,
  builtinRoleLabels,
  builtinRolePermissions,
  builtinRoles,
  customRolePolicy,
  permissionDescriptions,
  permissions,
  type Actor,
  type RolesView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { presentCustomRole } from "./custom-role-view";
import { sortedPermissions } from "./view-helpers";

/** Most orgs have a handful of custom roles; this bound keeps a pathological org's answer finite. */
const MAX_CUSTOM_ROLES = 500;

export async function listRoles(ctx: AppContext, actor: Actor): Promise<RolesView> {
  authorize(actor, customRolePolicy, "read", {});
  const { db } = ctx.database;
  const rows = await db
    .select()
    .from(tables.customRoles)
    .where(and(eq(tables.customRoles.orgId, actor.orgId), isNull(tables.customRoles.deletedAt)))
    .orderBy(asc(tables.customRoles.name))
    .limit(MAX_CUSTOM_ROLES);
  const counts = await db
    .select({ roleId: tables.memberships.customRoleId, n: count() })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.orgId, actor.orgId), eq(tables.memberships.status, "active")))
    .groupBy(tables.memberships.customRoleId);
  const countOf = new Map(counts.map((c) => [c.roleId, c.n]));
  return {
    builtin: builtinRoles.map((key) => ({
      key,
      label: builtinRoleLabels[key],
      permissions: sortedPermissions(builtinRolePermissions[key]),
    })),
    custom: rows.map((r) => presentCustomRole(actor, r, countOf.get(r.id) ?? 0)),
    permissions: permissions.map((key) => ({ key, description: permissionDescriptions[key] })),
  };
}
