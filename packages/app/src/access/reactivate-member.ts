import {
  authorize,
  decideReactivation,
  memberPolicy,
  type Actor,
  type MembershipView,
  type VersionInput,
} from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadMember, memberSubject, presentMember, updateMembershipAt } from "./member-view";
import { staleVersion } from "./view-helpers";

/** Reactivates a membership with the role it had; revoked API tokens stay revoked. */
export async function reactivateMember(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  input: VersionInput,
  meta: RequestMeta,
): Promise<MembershipView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const before = await loadMember(tx, actor.orgId, memberId);
    authorize(actor, memberPolicy, "reactivate", memberSubject(before.m));
    if (before.m.version !== input.version) throw staleVersion("member");
    decideReactivation(memberSubject(before.m));
    await updateMembershipAt(tx, memberId, input.version, { status: "active" }, ctx.now());
    return {
      result: presentMember(actor, await loadMember(tx, actor.orgId, memberId)),
      events: [
        {
          type: "member.reactivated",
          entityType: "member",
          entityId: memberId,
          payload: {
            userId: before.m.userId,
            email: before.email,
            diff: { status: ["deactivated", "active"] },
          },
        },
      ],
    };
  });
}
