import { and, eq, isNull } from "drizzle-orm";
import {
  authorize,
  decideDeactivation,
  memberPolicy,
  type Actor,
  type MembershipView,
  type PendingEvent,
  type VersionInput,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  loadMember,
  lockOtherActiveOwners,
  memberSubject,
  presentMember,
  updateMembershipAt,
} from "./member-view";
import { staleVersion } from "./view-helpers";

/** Deactivates a membership and revokes the member's API tokens of this org, which would otherwise stay usable. */
export async function deactivateMember(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  input: VersionInput,
  meta: RequestMeta,
): Promise<MembershipView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const before = await loadMember(tx, actor.orgId, memberId);
    authorize(actor, memberPolicy, "deactivate", memberSubject(before.m));
    if (before.m.version !== input.version) throw staleVersion("member");
    const owners = before.m.role === "owner" ? await lockOtherActiveOwners(tx, actor.orgId, memberId) : 1;
    decideDeactivation(memberSubject(before.m), owners);
    const now = ctx.now();
    await updateMembershipAt(tx, memberId, input.version, { status: "deactivated" }, now);
    const revoked = await tx
      .update(tables.apiTokens)
      .set({ revokedAt: now, updatedAt: now })
      .where(
        and(
          eq(tables.apiTokens.orgId, actor.orgId),
          eq(tables.apiTokens.userId, before.m.userId),
          isNull(tables.apiTokens.revokedAt),
        ),
      )
      .returning({ id: tables.apiTokens.id, name: tables.apiTokens.name });
    const events: PendingEvent[] = [
      {
        type: "member.deactivated",
        entityType: "member",
        entityId: memberId,
        payload: {
          userId: before.m.userId,
          email: before.email,
          diff: { status: ["active", "deactivated"] },
          revokedApiTokens: revoked.length,
        },
      },
      ...revoked.map((t): PendingEvent => ({
        type: "api_token.revoked",
        entityType: "api_token",
        entityId: t.id,
        payload: { name: t.name, userId: before.m.userId, reason: "member_deactivated" },
      })),
    ];
    return { result: presentMember(actor, await loadMember(tx, actor.orgId, memberId)), events };
  });
}
