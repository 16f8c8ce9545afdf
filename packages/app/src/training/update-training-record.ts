import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateTrainingRecord,
  trainingRecordPolicy,
  trainingRecordUpdatedEvent,
  UpdateTrainingRecordInput,
  utcDay,
  type Actor,
  type TrainingRecordView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  findTrainingRecord,
  loadTrainingRecordView,
  replaceRecordEvidence,
  toTrainingRecordState,
} from "./training-record-records";

/** Corrects a record (dates, provider, method, note, evidence); a stale `version` is 409. */
export async function updateTrainingRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateTrainingRecordInput,
): Promise<TrainingRecordView> {
  const { version, evidenceIds, ...changes } = parseInput(UpdateTrainingRecordInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findTrainingRecord(tx, actor, id, true);
    authorize(actor, trainingRecordPolicy, "update", current);
    const today = utcDay(ctx.now());
    const state = toTrainingRecordState(current);
    const decision = decideUpdateTrainingRecord(state, changes, version, today);
    const links = evidenceIds ? await replaceRecordEvidence(tx, actor, id, evidenceIds) : null;
    const linksChanged = !!links && links.added.length + links.removed.length > 0;
    if (!decision && !linksChanged)
      return { result: await loadTrainingRecordView(tx, actor, id, today), events: [] };
    await tx
      .update(tables.trainingRecords)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.trainingRecords.orgId, actor.orgId), eq(tables.trainingRecords.id, id)));
    return {
      result: await loadTrainingRecordView(tx, actor, id, today),
      events: [trainingRecordUpdatedEvent(state, decision?.diff ?? {}, links)],
    };
  });
}
