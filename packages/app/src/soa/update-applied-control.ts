import { and, eq } from "drizzle-orm";
import {
  appliedControlPolicy,
  appliedControlUpdatedEvent,
  authorize,
  decideUpdateAppliedControl,
  UpdateAppliedControlInput,
  type Actor,
  type AppliedControlView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadAppliedControlView, lockAppliedControl, toAppliedControlState } from "./applied-control-records";

/** Only the fields sent change; `links`, when sent, becomes the control's whole set of links. */
export async function updateAppliedControl(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateAppliedControlInput,
): Promise<AppliedControlView> {
  const { version, links, ...changes } = parseInput(UpdateAppliedControlInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAppliedControl(tx, actor.orgId, id);
    authorize(actor, appliedControlPolicy, "update", current);
    const state = toAppliedControlState(current);
    const decision = decideUpdateAppliedControl(state, changes, version);
    if (decision.changes.ownerId) await activeOwnerName(tx, actor.orgId, decision.changes.ownerId);
    const linkChange = links
      ? await replaceLinks(tx, actor.orgId, { type: "applied_control", id }, links, actor.userId)
      : { added: [], removed: [] };
    const event = appliedControlUpdatedEvent(state, decision.diff, linkChange);
    if (event)
      await tx
        .update(tables.appliedControls)
        .set({ ...decision.changes, version: current.version + 1, updatedAt: ctx.now() })
        .where(and(eq(tables.appliedControls.orgId, actor.orgId), eq(tables.appliedControls.id, id)));
    return { result: await loadAppliedControlView(tx, actor, id), events: event ? [event] : [] };
  });
}
