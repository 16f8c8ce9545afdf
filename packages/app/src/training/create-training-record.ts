import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  authorize,
  conflict,
  CreateTrainingRecordInput,
  decideCreateTrainingRecord,
  invalidInput,
  trainingRecordPolicy,
  utcDay,
  type Actor,
  type PendingEvent,
  type TrainingRecordFields,
  type TrainingRecordView,
} from "@openaims/core";
import { tables, type Tx } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  loadTrainingRecordView,
  replaceRecordEvidence,
  resolveTrainingMember,
} from "./training-record-records";

const { trainingRecords, trainingTopics } = tables;

/** A topic of the org named in a body: unknown (or another org's) is a 400 naming `topicId`. */
export async function topicForRecording(tx: Tx, orgId: string, topicId: string) {
  const [topic] = await tx
    .select({ id: trainingTopics.id, name: trainingTopics.name, archivedAt: trainingTopics.archivedAt })
    .from(trainingTopics)
    .where(and(eq(trainingTopics.orgId, orgId), eq(trainingTopics.id, topicId)));
  if (!topic)
    throw invalidInput("topicId: no such training topic in this organization.", {
      issues: [{ path: "topicId", message: "must be a training topic of this organization" }],
    });
  return topic;
}

/** True when this member already has this topic recorded as completed on this day. */
export async function isRecorded(
  tx: Tx,
  orgId: string,
  userId: string,
  topicId: string,
  completedOn: string,
) {
  const [dup] = await tx
    .select({ id: trainingRecords.id })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.orgId, orgId),
        eq(trainingRecords.userId, userId),
        eq(trainingRecords.topicId, topicId),
        eq(trainingRecords.completedOn, completedOn),
      ),
    );
  return !!dup;
}

/** Inserts one decided completion (shared with the CSV import); returns its id and event. */
export async function insertTrainingRecord(
  tx: Tx,
  actor: Actor,
  userId: string,
  topic: { id: string; name: string; archivedAt: Date | null },
  fields: TrainingRecordFields,
  evidenceIds: string[],
  now: Date,
): Promise<{ id: string; event: PendingEvent }> {
  const id = randomUUID();
  const event = decideCreateTrainingRecord(id, topic, userId, fields, utcDay(now));
  await tx.insert(trainingRecords).values({
    ...fields,
    id,
    orgId: actor.orgId,
    userId,
    topicId: topic.id,
    recordedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  if (evidenceIds.length > 0) {
    const { added } = await replaceRecordEvidence(tx, actor, id, evidenceIds);
    event.payload.evidence = { added, removed: [] };
  }
  return { id, event };
}

/**
 * Records a completed training. Managers record anyone's; a member with `training.record_own` their own. The
 * same member, topic and completion day twice is a 409 `conflict`.
 */
export async function createTrainingRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateTrainingRecordInput,
): Promise<TrainingRecordView> {
  const {
    userId: byId,
    email,
    topicId,
    evidenceIds,
    ...fields
  } = parseInput(CreateTrainingRecordInput, input);
  authorize(actor, trainingRecordPolicy, "create", { userId: byId ?? actor.userId });
  return runCommand(ctx, actor, meta, async (tx) => {
    const userId = await resolveTrainingMember(tx, actor.orgId, { userId: byId, email });
    authorize(actor, trainingRecordPolicy, "create", { userId });
    const topic = await topicForRecording(tx, actor.orgId, topicId);
    if (await isRecorded(tx, actor.orgId, userId, topicId, fields.completedOn))
      throw conflict("This completion is already recorded for this member, topic and day.");
    const now = ctx.now();
    const { id, event } = await insertTrainingRecord(tx, actor, userId, topic, fields, evidenceIds, now);
    return { result: await loadTrainingRecordView(tx, actor, id, utcDay(now)), events: [event] };
  });
}
