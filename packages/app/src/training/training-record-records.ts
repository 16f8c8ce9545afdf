import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  abilitiesOf,
  allows,
  invalidInput,
  notFound,
  trainingExpiry,
  trainingRecordPolicy,
  trainingRecordStatus,
  type Actor,
  type LinkView,
  type TrainingKind,
  type TrainingMethod,
  type TrainingRecordState,
  type TrainingRecordView,
} from "@openaims/core";
import { tables, type Executor, type Tx } from "@openaims/db";
import { labelledTargetsOf, replaceTargetsOf } from "./training-topic-records";

const { trainingRecords, trainingTopics, users, memberships } = tables;
const recorders = alias(users, "recorders");
export type TrainingRecordRow = typeof trainingRecords.$inferSelect;

/**
 * The last day a record counts, in SQL: the stated expiry, else the completion plus the topic's validity
 * (PostgreSQL clamps to the month's last day like core `addMonths`); NULL never expires.
 */
export const expirySql = sql<string | null>`coalesce(${trainingRecords.expiresOn},
  (${trainingRecords.completedOn} + make_interval(months => ${trainingTopics.validityMonths}))::date)`;

/** The columns a record view needs: the record, its topic, its member and who recorded it. */
export const recordViewColumns = {
  row: trainingRecords,
  topicName: trainingTopics.name,
  topicKind: trainingTopics.kind,
  aiLiteracy: trainingTopics.aiLiteracy,
  validityMonths: trainingTopics.validityMonths,
  userName: users.name,
  userEmail: users.email,
  recordedByName: recorders.name,
};

export function selectRecordViews(db: Executor, where: SQL) {
  return db
    .select(recordViewColumns)
    .from(trainingRecords)
    .innerJoin(
      trainingTopics,
      and(eq(trainingTopics.orgId, trainingRecords.orgId), eq(trainingTopics.id, trainingRecords.topicId)),
    )
    .innerJoin(users, eq(users.id, trainingRecords.userId))
    .leftJoin(recorders, eq(recorders.id, trainingRecords.recordedBy))
    .where(where);
}
export type RecordViewRow = Awaited<ReturnType<typeof selectRecordViews>>[number];

export function toTrainingRecordState(row: TrainingRecordRow): TrainingRecordState {
  return {
    id: row.id,
    userId: row.userId,
    topicId: row.topicId,
    completedOn: row.completedOn,
    expiresOn: row.expiresOn,
    provider: row.provider,
    method: row.method as TrainingMethod,
    note: row.note,
    version: row.version,
  };
}

/**
 * Loads a record of the org for a write (row-locked) or a read. Another org's record, and a record the actor may
 * not read (someone else's training without `training.read`), is a 404: personal records do not announce
 * themselves.
 */
export async function findTrainingRecord(
  db: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<TrainingRecordRow> {
  const q = db
    .select()
    .from(trainingRecords)
    .where(and(eq(trainingRecords.orgId, actor.orgId), eq(trainingRecords.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row || !allows(actor, trainingRecordPolicy, "read", row)) throw notFound("Training record");
  return row;
}

/** The evidence linked to each record, labelled (one query for a page of records). */
export const recordEvidence = (db: Executor, orgId: string, recordIds: string[]) =>
  labelledTargetsOf(db, orgId, { type: "training_record", ids: recordIds }, "evidence");

/** Makes a record's evidence exactly `ids`. */
export const replaceRecordEvidence = (tx: Tx, actor: Actor, recordId: string, ids: string[]) =>
  replaceTargetsOf(tx, actor, { type: "training_record", id: recordId }, "evidence", ids, "evidenceIds");

export function presentTrainingRecord(
  actor: Actor,
  r: RecordViewRow,
  evidence: LinkView[],
  today: string,
): TrainingRecordView {
  const row = r.row;
  const expiresOn = trainingExpiry(row.completedOn, r.validityMonths, row.expiresOn);
  return {
    id: row.id,
    orgId: row.orgId,
    userId: row.userId,
    userName: r.userName,
    userEmail: r.userEmail,
    topicId: row.topicId,
    topicName: r.topicName,
    topicKind: r.topicKind as TrainingKind,
    aiLiteracy: r.aiLiteracy,
    completedOn: row.completedOn,
    statedExpiresOn: row.expiresOn,
    expiresOn,
    status: trainingRecordStatus(expiresOn, today),
    provider: row.provider,
    method: row.method as TrainingMethod,
    note: row.note,
    evidence,
    recordedBy: row.recordedBy,
    recordedByName: row.recordedBy ? r.recordedByName : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, trainingRecordPolicy, row),
  };
}

export async function loadTrainingRecordView(
  db: Executor,
  actor: Actor,
  id: string,
  today: string,
): Promise<TrainingRecordView> {
  const [r] = await selectRecordViews(
    db,
    and(eq(trainingRecords.orgId, actor.orgId), eq(trainingRecords.id, id))!,
  );
  if (!r || !allows(actor, trainingRecordPolicy, "read", r.row)) throw notFound("Training record");
  const evidence = await recordEvidence(db, actor.orgId, [id]);
  return presentTrainingRecord(actor, r, evidence.get(id) ?? [], today);
}

/** The member named by user id or e-mail, who must be an active member of the org (else 400 naming the field). */
export async function resolveTrainingMember(
  db: Executor,
  orgId: string,
  who: { userId?: string | undefined; email?: string | undefined },
): Promise<string> {
  const byId = who.userId !== undefined;
  const [m] = await db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, "active"),
        byId ? eq(users.id, who.userId!) : eq(users.email, who.email ?? ""),
      ),
    );
  if (!m) {
    const path = byId ? "userId" : "email";
    throw invalidInput(`${path}: must be an active member of this organization.`, {
      issues: [{ path, message: "must name an active member of this organization" }],
    });
  }
  return m.userId;
}
