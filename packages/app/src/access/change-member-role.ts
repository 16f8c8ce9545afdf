import {
  assertGrantWithinCeiling,
  authorize,
  decideRoleChange,
  memberPolicy,
  type Actor,
  type MembershipView,
  type UpdateMemberInput,
} from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  loadMember,
  lockOtherActiveOwners,
  memberSubject,
  presentMember,
  updateMembershipAt,
} from "./member-view";
import { grantFromInput, roleKeyOf } from "./role-grant";
import { staleVersion } from "./view-helpers";

export async function changeMemberRole(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  input: UpdateMemberInput,
  meta: RequestMeta,
): Promise<MembershipView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const before = await loadMember(tx, actor.orgId, memberId);
    authorize(actor, memberPolicy, "updateRole", memberSubject(before.m));
    const grant = await grantFromInput(tx, actor.orgId, input.role);
    if (grant.role === "owner") authorize(actor, memberPolicy, "grantOwner", memberSubject(before.m));
    assertGrantWithinCeiling(actor, grant.permissions);
    if (before.m.version !== input.version) throw staleVersion("member");
    const oldKey = roleKeyOf({ role: before.m.role as never, customRoleId: before.m.customRoleId });
    const newKey = roleKeyOf(grant);
    if (oldKey === newKey) return { result: presentMember(actor, before), events: [] };
    if (before.m.role === "owner") {
      decideRoleChange(
        memberSubject(before.m),
        grant.role,
        await lockOtherActiveOwners(tx, actor.orgId, memberId),
      );
    }
    await updateMembershipAt(
      tx,
      memberId,
      input.version,
      { role: grant.role, customRoleId: grant.customRoleId },
      ctx.now(),
    );
    const after = await loadMember(tx, actor.orgId, memberId);
    return {
      result: presentMember(actor, after),
      events: [
        {
          type: "member.role_changed",
          entityType: "member",
          entityId: memberId,
          payload: { userId: before.m.userId, email: before.email, diff: { role: [oldKey, newKey] } },
        },
      ],
    };
  });
}
