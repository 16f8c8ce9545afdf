import {
  authorize,
  measurementPolicy,
  MeasurementRunListQuery,
  notFound,
  type Actor,
  type MeasurementRunPage,
  type MeasurementRunView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { findAiSystem, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { measurementAbilities, policyTaskKey, presentRun, presentRunSummary } from "./measurement-records";

/** The tasks the runs opened, by run id (the task is found by its origin key, whatever its status now). */
export async function tasksOf(db: Executor, orgId: string, runIds: string[]): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const t = tables.tasks;
  const rows = await db
    .select({ id: t.id, key: t.originKey })
    .from(t)
    .where(
      and(
        eq(t.orgId, orgId),
        eq(t.origin, "measurement_policy_failed"),
        inArray(t.originKey, runIds.map(policyTaskKey)),
      ),
    );
  return new Map(rows.map((r) => [r.key!.slice("measurement_policy_failed:".length), r.id]));
}

/** An AI system's runs, newest first, keyset-paged on (created_at, id); `kind` filters. */
export async function listMeasurementRuns(
  ctx: AppContext,
  actor: Actor,
  aiSystemId: string,
  query: MeasurementRunListQuery,
): Promise<MeasurementRunPage> {
  authorize(actor, measurementPolicy, "read", { aiSystemId });
  const q = parseInput(MeasurementRunListQuery, query);
  const db = ctx.database.db;
  await findAiSystem(db, actor.orgId, aiSystemId);
  const r = tables.measurementRuns;
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        eq(r.orgId, actor.orgId),
        eq(r.aiSystemId, aiSystemId),
        q.kind ? eq(r.kind, q.kind) : undefined,
        after
          ? or(
              lt(r.createdAt, new Date(after[0])),
              and(eq(r.createdAt, new Date(after[0])), lt(r.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const tasks = await tasksOf(
    db,
    actor.orgId,
    page.map((p) => p.id),
  );
  return {
    items: page.map((p) => presentRunSummary(p, tasks.get(p.id) ?? null)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    abilities: measurementAbilities(actor),
  };
}

export async function getMeasurementRun(
  ctx: AppContext,
  actor: Actor,
  runId: string,
): Promise<MeasurementRunView> {
  const db = ctx.database.db;
  const r = tables.measurementRuns;
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.orgId, actor.orgId), eq(r.id, runId)));
  if (!row) throw notFound("Measurement run");
  authorize(actor, measurementPolicy, "read", { aiSystemId: row.aiSystemId });
  const tasks = await tasksOf(db, actor.orgId, [row.id]);
  return presentRun(row, tasks.get(row.id) ?? null);
}
