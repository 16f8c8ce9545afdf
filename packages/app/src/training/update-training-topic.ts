import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateTrainingTopic,
  trainingTopicPolicy,
  trainingTopicUpdatedEvent,
  UpdateTrainingTopicInput,
  type Actor,
  type TrainingTopicView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  findTrainingTopic,
  loadTrainingTopicView,
  replaceTopicAiSystems,
  toTrainingTopicState,
} from "./training-topic-records";

/** A partial update; `aiSystemIds`, when sent, replaces the set. Nothing changed means no write and no event. */
export async function updateTrainingTopic(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateTrainingTopicInput,
): Promise<TrainingTopicView> {
  const { version, aiSystemIds, ...changes } = parseInput(UpdateTrainingTopicInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findTrainingTopic(tx, actor.orgId, id, true);
    authorize(actor, trainingTopicPolicy, "update", current);
    const decision = decideUpdateTrainingTopic(toTrainingTopicState(current), changes, version);
    const links = aiSystemIds ? await replaceTopicAiSystems(tx, actor, id, aiSystemIds) : null;
    const linksChanged = !!links && links.added.length + links.removed.length > 0;
    if (!decision && !linksChanged) return { result: await loadTrainingTopicView(tx, actor, id), events: [] };
    await tx
      .update(tables.trainingTopics)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.trainingTopics.orgId, actor.orgId), eq(tables.trainingTopics.id, id)));
    return {
      result: await loadTrainingTopicView(tx, actor, id),
      events: [trainingTopicUpdatedEvent(id, decision?.diff ?? {}, links)],
    };
  });
}
