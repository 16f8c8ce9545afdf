import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  abilitiesOf,
  evaluateObjective,
  notFound,
  objectivePolicy,
  OBJECTIVE_DETAIL_PROGRESS_LIMIT,
  type Actor,
  type ObjectiveDirection,
  type ObjectiveProgressView,
  type ObjectiveState,
  type ObjectiveSummaryView,
  type ObjectiveView,
  type ProgressSummary,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf } from "../shared/links";

const { objectives, objectiveProgress, users } = tables;
export type ObjectiveRow = typeof objectives.$inferSelect;
export type ProgressRow = typeof objectiveProgress.$inferSelect;

export function toObjectiveState(row: ObjectiveRow): ObjectiveState {
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    measure: row.measure,
    target: row.target,
    unit: row.unit,
    direction: row.direction as ObjectiveDirection,
    baseline: row.baseline,
    startDate: row.startDate,
    dueDate: row.dueDate,
    ownerId: row.ownerId,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads and row-locks an objective of the org for a write; another org's id is a 404. */
export async function lockObjective(tx: Executor, orgId: string, id: string): Promise<ObjectiveRow> {
  const [row] = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id)))
    .for("update");
  if (!row) throw notFound("Objective");
  return row;
}

export async function findObjective(
  db: Executor,
  orgId: string,
  id: string,
): Promise<{ row: ObjectiveRow; ownerName: string | null }> {
  const [found] = await db
    .select({ row: objectives, ownerName: users.name })
    .from(objectives)
    .leftJoin(users, eq(users.id, objectives.ownerId))
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id)));
  if (!found) throw notFound("Objective");
  return found;
}

const emptySummary: ProgressSummary = { count: 0, first: null, latest: null, latestByDue: null };

/**
 * What the status needs for each objective — the first, the latest and the latest-by-due entry and the count —
 * in one grouped query, however many entries a pipeline has pushed.
 */
export async function progressSummaries(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, ProgressSummary>> {
  const out = new Map<string, ProgressSummary>();
  if (ids.length === 0) return out;
  const p = objectiveProgress;
  const up = sql`${p.observedAt} asc, ${p.createdAt} asc, ${p.id} asc`;
  const down = sql`${p.observedAt} desc, ${p.createdAt} desc, ${p.id} desc`;
  const ms = sql`extract(epoch from ${p.observedAt}) * 1000`;
  const byDue = sql`${p.observedAt} < ((${objectives.dueDate} + 1)::timestamp at time zone 'UTC')`;
  const rows = await db
    .select({
      id: p.objectiveId,
      n: sql<number>`count(*)::int`.mapWith(Number),
      firstValue: sql<number>`(array_agg(${p.value} order by ${up}))[1]`.mapWith(Number),
      firstAt: sql<number>`(array_agg(${ms} order by ${up}))[1]`.mapWith(Number),
      latestValue: sql<number>`(array_agg(${p.value} order by ${down}))[1]`.mapWith(Number),
      latestAt: sql<number>`(array_agg(${ms} order by ${down}))[1]`.mapWith(Number),
      dueValue: sql<
        number | null
      >`(array_agg(${p.value} order by ${down}) filter (where ${byDue}))[1]`.mapWith(Number),
      dueAt: sql<number | null>`(array_agg(${ms} order by ${down}) filter (where ${byDue}))[1]`.mapWith(
        Number,
      ),
    })
    .from(p)
    .innerJoin(objectives, eq(objectives.id, p.objectiveId))
    .where(and(eq(p.orgId, orgId), inArray(p.objectiveId, ids)))
    .groupBy(p.objectiveId);
  for (const r of rows) {
    out.set(r.id, {
      count: r.n,
      first: { value: r.firstValue, observedAt: new Date(Math.floor(r.firstAt)) },
      latest: { value: r.latestValue, observedAt: new Date(Math.floor(r.latestAt)) },
      latestByDue:
        r.dueValue === null || r.dueAt === null
          ? null
          : { value: r.dueValue, observedAt: new Date(Math.floor(r.dueAt)) },
    });
  }
  return out;
}

export function presentObjectiveSummary(
  actor: Actor,
  row: ObjectiveRow,
  ownerName: string | null,
  summary: ProgressSummary | undefined,
  now: Date,
  abilities = abilitiesOf(actor, objectivePolicy, { archivedAt: row.archivedAt }),
): ObjectiveSummaryView {
  const state = toObjectiveState(row);
  const e = evaluateObjective(state, summary ?? emptySummary, now);
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    measure: row.measure,
    target: row.target,
    unit: row.unit,
    direction: state.direction,
    baseline: row.baseline,
    startDate: row.startDate,
    dueDate: row.dueDate,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    status: e.status,
    expectedValue: e.expectedValue,
    percent: e.percent,
    latestValue: e.latestValue,
    latestObservedAt: e.latestObservedAt?.toISOString() ?? null,
    progressCount: e.progressCount,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

export function presentProgress(row: ProgressRow, recordedByName: string | null): ObjectiveProgressView {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    value: row.value,
    observedAt: row.observedAt.toISOString(),
    note: row.note,
    source: row.source as ObjectiveProgressView["source"],
    recordedBy: row.recordedBy,
    recordedByName: row.recordedBy ? recordedByName : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The detail view: the summary, labelled links and the newest progress entries (oldest first, for a chart). */
export async function loadObjectiveView(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ObjectiveView> {
  const { row, ownerName } = await findObjective(db, actor.orgId, id);
  const summaries = await progressSummaries(db, actor.orgId, [id]);
  const links = await labelLinks(db, actor.orgId, await linksOf(db, actor.orgId, "objective", id));
  const series = await db
    .select({ row: objectiveProgress, name: users.name })
    .from(objectiveProgress)
    .leftJoin(users, eq(users.id, objectiveProgress.recordedBy))
    .where(and(eq(objectiveProgress.orgId, actor.orgId), eq(objectiveProgress.objectiveId, id)))
    .orderBy(
      desc(objectiveProgress.observedAt),
      desc(objectiveProgress.createdAt),
      desc(objectiveProgress.id),
    )
    .limit(OBJECTIVE_DETAIL_PROGRESS_LIMIT);
  return {
    ...presentObjectiveSummary(actor, row, ownerName, summaries.get(id), now),
    links,
    progress: series.reverse().map((s) => presentProgress(s.row, s.name)),
  };
}

/** `2026-03-01` → midnight UTC that day; a date-time keeps its instant. */
export const parseObservedAt = (s: string): Date =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : s);

export const utcDate = (d: Date): string => d.toISOString().slice(0, 10);
