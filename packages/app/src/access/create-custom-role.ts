import {
  assertGrantWithinCeiling,
  authorize,
  creationDiff,
  customRolePolicy,
  type Actor,
  type CustomRoleInput,
  type CustomRoleView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { assertRoleNameFree, presentCustomRole } from "./custom-role-view";
import { sortedPermissions } from "./view-helpers";

export async function createCustomRole(
  ctx: AppContext,
  actor: Actor,
  input: CustomRoleInput,
  meta: RequestMeta,
): Promise<CustomRoleView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    authorize(actor, customRolePolicy, "manage", {});
    const perms = sortedPermissions(input.permissions);
    assertGrantWithinCeiling(actor, new Set(perms));
    await assertRoleNameFree(tx, actor.orgId, input.name);
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.customRoles)
      .values({
        orgId: actor.orgId,
        name: input.name,
        description: input.description,
        permissions: perms,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: presentCustomRole(actor, row!, 0),
      events: [
        {
          type: "custom_role.created",
          entityType: "custom_role",
          entityId: row!.id,
          payload: {
            diff: creationDiff({ name: input.name, description: input.description, permissions: perms }, [
              "name",
              "description",
              "permissions",
            ]),
          },
        },
      ],
    };
  });
}
