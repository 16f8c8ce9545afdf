import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateTrainingTopicInput,
  decideCreateTrainingTopic,
  trainingTopicPolicy,
  type Actor,
  type TrainingTopicFields,
  type TrainingTopicView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadTrainingTopicView, replaceTopicAiSystems } from "./training-topic-records";

/** Adds a topic to the catalogue; an AI-literacy topic counts toward Art. 4 unless `aiLiteracy: false` says not. */
export async function createTrainingTopic(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateTrainingTopicInput,
): Promise<TrainingTopicView> {
  authorize(actor, trainingTopicPolicy, "create", { archivedAt: null });
  const { aiSystemIds, aiLiteracy, ...rest } = parseInput(CreateTrainingTopicInput, input);
  const fields: TrainingTopicFields = { ...rest, aiLiteracy: aiLiteracy ?? rest.kind === "ai_literacy" };
  const now = ctx.now();
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const event = decideCreateTrainingTopic(id, fields);
    await tx.insert(tables.trainingTopics).values({
      ...fields,
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceTopicAiSystems(tx, actor, id, aiSystemIds);
    if (added.length > 0) event.payload.aiSystems = { added, removed: [] };
    return { result: await loadTrainingTopicView(tx, actor, id), events: [event] };
  });
}
