import { authorize, trainingTopicPolicy, type Actor, type TrainingTopicView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadTrainingTopicView } from "./training-topic-records";

export async function getTrainingTopic(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<TrainingTopicView> {
  authorize(actor, trainingTopicPolicy, "read", { archivedAt: null });
  return loadTrainingTopicView(ctx.database.db, actor, id);
}
