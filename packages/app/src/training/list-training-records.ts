import { and, desc, eq, gt, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  addDays,
  invalidInput,
  readsAllTraining,
  TRAINING_EXPIRING_SOON_DAYS,
  TrainingRecordListQuery,
  trainingRecordPolicy,
  utcDay,
  type Actor,
  type TrainingRecordListQueryInput,
  type TrainingRecordPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import {
  expirySql,
  presentTrainingRecord,
  recordEvidence,
  selectRecordViews,
} from "./training-record-records";

const { trainingRecords } = tables;

/** The SQL form of core's `trainingRecordStatus` on `today` (the app tests hold the two together). */
export function statusCondition(status: "current" | "expiring_soon" | "expired", today: string): SQL {
  const soon = addDays(today, TRAINING_EXPIRING_SOON_DAYS);
  if (status === "expired") return lt(expirySql, today);
  if (status === "expiring_soon") return and(sql`${expirySql} >= ${today}::date`, lte(expirySql, soon))!;
  return or(isNull(expirySql), gt(expirySql, soon))!;
}

/**
 * Training records, newest completion first, keyset-paged on (completion day, id). Without `training.read` the
 * list holds the caller's own records only, whatever `userId` asks for.
 */
export async function listTrainingRecords(
  ctx: AppContext,
  actor: Actor,
  input: TrainingRecordListQueryInput,
): Promise<TrainingRecordPage> {
  const { limit, cursor, userId, topicId, status } = parseInput(TrainingRecordListQuery, input);
  const after = decodeCursor(cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string"))
    throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const today = utcDay(ctx.now());
  const conds: SQL[] = [eq(trainingRecords.orgId, actor.orgId)];
  if (!readsAllTraining(actor)) conds.push(eq(trainingRecords.userId, actor.userId));
  if (userId) conds.push(eq(trainingRecords.userId, userId));
  if (topicId) conds.push(eq(trainingRecords.topicId, topicId));
  if (status) conds.push(statusCondition(status, today));
  if (after) {
    const [day, id] = after as string[];
    conds.push(
      or(
        lt(trainingRecords.completedOn, day!),
        and(eq(trainingRecords.completedOn, day!), lt(trainingRecords.id, id!)),
      )!,
    );
  }
  const { db } = ctx.database;
  const rows = await selectRecordViews(db, and(...conds)!)
    .orderBy(desc(trainingRecords.completedOn), desc(trainingRecords.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const evidence = await recordEvidence(
    db,
    actor.orgId,
    page.map((r) => r.row.id),
  );
  const items = page.map((r) => presentTrainingRecord(actor, r, evidence.get(r.row.id) ?? [], today));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.completedOn, last.id]) : null,
    abilities: abilitiesOf(actor, trainingRecordPolicy, { userId: actor.userId }),
  };
}
