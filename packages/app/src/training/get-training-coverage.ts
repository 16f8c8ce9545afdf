import {
  authorize,
  readsAllTraining,
  TrainingCoverageQuery,
  trainingTopicPolicy,
  utcDay,
  type Actor,
  type TrainingCoverageQueryInput,
  type TrainingCoverageView,
} from "@openaims/core";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { loadTrainingCoverage } from "./training-coverage-data";

/**
 * The coverage matrix (active member × live topic) and the organization summary, as of today. Without
 * `training.read` the caller sees their own row only (`complete: false`, the summary counts just them).
 */
export async function getTrainingCoverage(
  ctx: AppContext,
  actor: Actor,
  input: TrainingCoverageQueryInput = {},
): Promise<TrainingCoverageView> {
  authorize(actor, trainingTopicPolicy, "read", { archivedAt: null });
  const { userId } = parseInput(TrainingCoverageQuery, input);
  const all = readsAllTraining(actor);
  const only = all ? userId : actor.userId;
  const today = utcDay(ctx.now());
  const { topics, members, summary } = await loadTrainingCoverage(ctx.database.db, actor.orgId, today, only);
  return {
    asOf: today,
    topics: topics.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      aiLiteracy: t.aiLiteracy,
      required: t.required,
      validityMonths: t.validityMonths,
    })),
    members,
    summary,
    complete: all && !userId,
  };
}
