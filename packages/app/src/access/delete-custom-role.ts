import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import { authorize, conflict, customRolePolicy, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadCustomRole } from "./custom-role-view";

/**
 * Soft-deletes a custom role nobody holds. Deactivated members count as holders, because reactivating them
 * restores their role; expired invitations and tokens do not, as they can never be used again.
 */
export async function deleteCustomRole(
  ctx: AppContext,
  actor: Actor,
  roleId: string,
  meta: RequestMeta,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const role = await loadCustomRole(tx, actor.orgId, roleId, true);
    authorize(actor, customRolePolicy, "manage", {});
    const now = ctx.now();
    const [members] = await tx
      .select({ n: count() })
      .from(tables.memberships)
      .where(eq(tables.memberships.customRoleId, roleId));
    const [invitations] = await tx
      .select({ n: count() })
      .from(tables.invitations)
      .where(
        and(
          eq(tables.invitations.customRoleId, roleId),
          isNull(tables.invitations.acceptedAt),
          isNull(tables.invitations.revokedAt),
          gt(tables.invitations.expiresAt, now),
        ),
      );
    const [tokens] = await tx
      .select({ n: count() })
      .from(tables.apiTokens)
      .where(
        and(
          eq(tables.apiTokens.customRoleId, roleId),
          isNull(tables.apiTokens.revokedAt),
          or(isNull(tables.apiTokens.expiresAt), gt(tables.apiTokens.expiresAt, now)),
        ),
      );
    const inUse = { members: members?.n ?? 0, invitations: invitations?.n ?? 0, apiTokens: tokens?.n ?? 0 };
    if (inUse.members + inUse.invitations + inUse.apiTokens > 0) {
      throw conflict(
        `The role "${role.name}" is still in use (${inUse.members} member(s), including deactivated ones; ` +
          `${inUse.invitations} pending invitation(s); ${inUse.apiTokens} API token(s)). Give them another role first.`,
        inUse,
      );
    }
    await tx
      .update(tables.customRoles)
      .set({ deletedAt: now, updatedAt: now })
      .where(eq(tables.customRoles.id, roleId));
    return {
      result: undefined,
      events: [
        {
          type: "custom_role.deleted",
          entityType: "custom_role",
          entityId: roleId,
          payload: { name: role.name, permissions: role.permissions },
        },
      ],
    };
  });
}
