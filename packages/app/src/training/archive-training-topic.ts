import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideArchiveTrainingTopic,
  trainingTopicPolicy,
  type Actor,
  type TrainingTopicView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findTrainingTopic, loadTrainingTopicView, toTrainingTopicState } from "./training-topic-records";

/**
 * Archiving retires a topic: it leaves the coverage matrix, readiness and generated tasks and takes no new
 * completions; its records stay (history), and restoring brings it all back.
 */
export function archiveTrainingTopic(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) {
  return setTopicArchived(ctx, actor, meta, id, version, true);
}

export function restoreTrainingTopic(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) {
  return setTopicArchived(ctx, actor, meta, id, version, false);
}

async function setTopicArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<TrainingTopicView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findTrainingTopic(tx, actor.orgId, id, true);
    authorize(actor, trainingTopicPolicy, archive ? "archive" : "restore", current);
    const event = decideArchiveTrainingTopic(toTrainingTopicState(current), version, archive);
    const now = ctx.now();
    await tx
      .update(tables.trainingTopics)
      .set({ archivedAt: archive ? now : null, version: current.version + 1, updatedAt: now })
      .where(and(eq(tables.trainingTopics.orgId, actor.orgId), eq(tables.trainingTopics.id, id)));
    return { result: await loadTrainingTopicView(tx, actor, id), events: [event] };
  });
}
