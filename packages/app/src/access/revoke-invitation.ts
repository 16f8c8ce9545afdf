import { and, eq, isNull } from "drizzle-orm";
import {
  authorize,
  decideRevokeInvitation,
  invalidState,
  invitationPolicy,
  type Actor,
  type BuiltinRole,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadInvitation } from "./invitation-view";

export async function revokeInvitation(
  ctx: AppContext,
  actor: Actor,
  invitationId: string,
  meta: RequestMeta,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const row = await loadInvitation(tx, actor.orgId, invitationId);
    authorize(actor, invitationPolicy, "revoke", { role: row.i.role as BuiltinRole | null });
    const now = ctx.now();
    decideRevokeInvitation(row.i, now);
    const done = await tx
      .update(tables.invitations)
      .set({ revokedAt: now, updatedAt: now })
      .where(
        and(
          eq(tables.invitations.id, invitationId),
          isNull(tables.invitations.acceptedAt),
          isNull(tables.invitations.revokedAt),
        ),
      )
      .returning({ id: tables.invitations.id });
    // Accepted between our read and this write.
    if (done.length === 0) throw invalidState("This invitation has just been accepted or revoked.");
    return {
      result: undefined,
      events: [
        {
          type: "invitation.revoked",
          entityType: "invitation",
          entityId: invitationId,
          payload: { email: row.i.email },
        },
      ],
    };
  });
}
