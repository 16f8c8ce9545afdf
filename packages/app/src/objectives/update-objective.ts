import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateObjective,
  objectivePolicy,
  objectiveUpdatedEvent,
  UpdateObjectiveInput,
  type Actor,
  type ObjectiveView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadObjectiveView, lockObjective, toObjectiveState } from "./objective-records";

/** A partial update; `links`, when sent, replaces the set. Nothing changed means no write and no event. */
export async function updateObjective(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateObjectiveInput,
): Promise<ObjectiveView> {
  const { version, links, ...changes } = parseInput(UpdateObjectiveInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockObjective(tx, actor.orgId, id);
    authorize(actor, objectivePolicy, "update", current);
    const now = ctx.now();
    const decision = decideUpdateObjective(toObjectiveState(current), changes, version);
    if (decision?.changes.ownerId) await activeOwnerName(tx, actor.orgId, decision.changes.ownerId);
    const linkChanges = links
      ? await replaceLinks(tx, actor.orgId, { type: "objective", id }, links, actor.userId)
      : null;
    const linksChanged = !!linkChanges && linkChanges.added.length + linkChanges.removed.length > 0;
    if (!decision && !linksChanged)
      return { result: await loadObjectiveView(tx, actor, id, now), events: [] };
    await tx
      .update(tables.objectives)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: now })
      .where(and(eq(tables.objectives.orgId, actor.orgId), eq(tables.objectives.id, id)));
    return {
      result: await loadObjectiveView(tx, actor, id, now),
      events: [objectiveUpdatedEvent(id, decision?.diff ?? {}, linkChanges)],
    };
  });
}
