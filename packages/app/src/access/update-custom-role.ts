import { and, eq, sql } from "drizzle-orm";
import {
  assertGrantWithinCeiling,
  authorize,
  customRolePolicy,
  diff,
  type Actor,
  type CustomRoleView,
  type UpdateCustomRoleInput,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { activeMemberCount, assertRoleNameFree, loadCustomRole, presentCustomRole } from "./custom-role-view";
import { sortedPermissions, staleVersion } from "./view-helpers";

/** Changing a role's permissions changes them for every member and token holding it, at once. */
export async function updateCustomRole(
  ctx: AppContext,
  actor: Actor,
  roleId: string,
  input: UpdateCustomRoleInput,
  meta: RequestMeta,
): Promise<CustomRoleView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const before = await loadCustomRole(tx, actor.orgId, roleId);
    authorize(actor, customRolePolicy, "manage", {});
    const perms = sortedPermissions(input.permissions);
    assertGrantWithinCeiling(actor, new Set(perms));
    if (before.version !== input.version) throw staleVersion("role");
    const next = { name: input.name, description: input.description, permissions: perms };
    const changes = diff({ ...before, permissions: sortedPermissions(before.permissions as never) }, next, [
      "name",
      "description",
      "permissions",
    ]);
    const members = await activeMemberCount(tx, roleId);
    if (Object.keys(changes).length === 0)
      return { result: presentCustomRole(actor, before, members), events: [] };
    if (changes.name) await assertRoleNameFree(tx, actor.orgId, input.name, roleId);
    const [after] = await tx
      .update(tables.customRoles)
      .set({ ...next, version: sql`${tables.customRoles.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(tables.customRoles.id, roleId), eq(tables.customRoles.version, input.version)))
      .returning();
    if (!after) throw staleVersion("role");
    return {
      result: presentCustomRole(actor, after, members),
      events: [
        {
          type: "custom_role.updated",
          entityType: "custom_role",
          entityId: roleId,
          payload: { diff: changes },
        },
      ],
    };
  });
}
