import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  activeTaskStatuses,
  authorize,
  decideCloseGeneratedTask,
  decideGenerateTask,
  diff,
  forbidden,
  taskPolicy,
  utcDay,
  type Actor,
  type GenerateTasksResult,
  type PendingEvent,
  type SystemActor,
  type TaskOrigin,
} from "@openaims/core";
import { tables, type Tx } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { documentReviewSource } from "./sources/document-review";
import { soaGapSource } from "./sources/soa-gap";
import { impactAssessmentReviewSource } from "../impact-assessments/review-task-source";
import { trainingAiLiteracySource } from "../training/training-task-source";
import type { TaskSource } from "./sources/task-source";

const { tasks } = tables;

/** Every generator; add a source here with its origin in core's `taskOrigins`. */
export const taskSources: readonly TaskSource[] = [
  documentReviewSource,
  soaGapSource,
  impactAssessmentReviewSource,
  trainingAiLiteracySource,
];

export const taskGeneratorActor: SystemActor = { kind: "system", label: "task generator" };

/**
 * Brings an org's generated tasks in line with their conditions: opens a task for each condition that holds and
 * has no active task, fills in the assignee of an unassigned one when the condition now names one, and closes
 * (done, by the system) each active generated task whose condition no longer holds. Idempotent: a second run
 * changes nothing. Safe when several nodes run it at once: the partial unique index on (org, origin_key) over
 * active tasks makes a concurrent duplicate insert a no-op, and a close only counts if it moved an active row.
 * `by` is the member who asked (HTTP, CLI) or the system (the scheduler); events are recorded in their name.
 */
export async function generateTasks(
  ctx: AppContext,
  orgId: string,
  by: Actor | SystemActor = taskGeneratorActor,
  meta: RequestMeta = { requestId: null },
): Promise<GenerateTasksResult> {
  if (by.kind !== "system") {
    if (by.orgId !== orgId) throw forbidden();
    authorize(by, taskPolicy, "generate", { assigneeId: null, status: "open" });
  }
  const actorId = by.kind === "system" ? null : by.userId;
  return runCommand(ctx, by, meta, async (tx) => {
    const now = ctx.now();
    const today = utcDay(now);
    const events: PendingEvent[] = [];
    const byOrigin: GenerateTasksResult["byOrigin"] = [];
    for (const source of taskSources) {
      const r = await reconcile(tx, orgId, source, today, now, actorId);
      events.push(...r.events);
      byOrigin.push({ origin: source.origin, created: r.created, closed: r.closed });
    }
    const created = byOrigin.reduce((n, o) => n + o.created, 0);
    const closed = byOrigin.reduce((n, o) => n + o.closed, 0);
    return { result: { created, closed, byOrigin }, events };
  });
}

async function reconcile(
  tx: Tx,
  orgId: string,
  source: TaskSource,
  today: string,
  now: Date,
  actorId: string | null,
): Promise<{ created: number; closed: number; events: PendingEvent[] }> {
  const wanted = await source.wanted(tx, orgId, today);
  const wantedByKey = new Map(wanted.map((w) => [w.originKey, w]));
  const active = await tx
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      status: tasks.status,
      originKey: tasks.originKey,
      assigneeId: tasks.assigneeId,
      version: tasks.version,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(tasks.origin, source.origin),
        inArray(tasks.status, [...activeTaskStatuses]),
      ),
    );
  const activeKeys = new Set(active.map((t) => t.originKey));
  const events: PendingEvent[] = [];

  // a fixed order, so two concurrent runs wait on the same keys in the same order instead of deadlocking
  const missing = wanted
    .filter((w) => !activeKeys.has(w.originKey))
    .sort((a, b) => (a.originKey < b.originKey ? -1 : a.originKey > b.originKey ? 1 : 0));
  let created = 0;
  for (let i = 0; i < missing.length; i += 500) {
    const batch = missing.slice(i, i + 500).map((w) => ({ id: randomUUID(), spec: w }));
    const inserted = await tx
      .insert(tasks)
      .values(
        batch.map(({ id, spec }) => ({
          id,
          orgId,
          title: spec.title,
          description: spec.description,
          assigneeId: spec.assigneeId,
          dueDate: spec.dueDate,
          priority: spec.priority,
          subjectType: spec.subject?.type ?? null,
          subjectId: spec.subject?.id ?? null,
          origin: spec.origin,
          originKey: spec.originKey,
          createdBy: actorId,
          createdAt: now,
          updatedAt: now,
        })),
      )
      // another node may have opened the same condition a moment ago: then this row is simply not written
      .onConflictDoNothing({
        target: [tasks.orgId, tasks.originKey],
        where: sql`origin_key is not null and status in ('open', 'in_progress')`,
      })
      .returning({ id: tasks.id });
    const written = new Set(inserted.map((r) => r.id));
    for (const { id, spec } of batch) if (written.has(id)) events.push(decideGenerateTask(id, orgId, spec));
    created += written.size;
  }

  // an open task follows its condition: the text says what is missing now, and a condition that now names an
  // assignee fills in an unassigned task (never overriding a person's choice)
  for (const t of active) {
    const spec = t.originKey ? wantedByKey.get(t.originKey) : undefined;
    if (!spec) continue;
    const set: { title?: string; description?: string; assigneeId?: string } = {};
    if (spec.title !== t.title) set.title = spec.title;
    if (spec.description !== t.description) set.description = spec.description;
    if (spec.assigneeId && !t.assigneeId) set.assigneeId = spec.assigneeId;
    if (Object.keys(set).length === 0) continue;
    const [updated] = await tx
      .update(tasks)
      .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.orgId, orgId), eq(tasks.id, t.id), eq(tasks.version, t.version)))
      .returning({ id: tasks.id });
    if (updated)
      events.push({
        type: "task.updated",
        entityType: "task",
        entityId: t.id,
        orgId,
        payload: {
          title: spec.title,
          origin: source.origin,
          diff: diff(t, set, ["title", "description", "assigneeId"]),
        },
      });
  }

  const stale = active.filter((t) => !t.originKey || !wantedByKey.has(t.originKey));
  let closed = 0;
  if (stale.length > 0) {
    const moved = await tx
      .update(tasks)
      .set({
        status: "done",
        completedAt: now,
        completedBy: null,
        version: sql`${tasks.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(tasks.orgId, orgId),
          inArray(
            tasks.id,
            stale.map((t) => t.id),
          ),
          inArray(tasks.status, [...activeTaskStatuses]),
        ),
      )
      .returning({ id: tasks.id });
    const movedIds = new Set(moved.map((r) => r.id));
    for (const t of stale) {
      if (!movedIds.has(t.id)) continue;
      events.push(
        decideCloseGeneratedTask({
          id: t.id,
          orgId,
          title: t.title,
          status: t.status as (typeof activeTaskStatuses)[number],
          origin: source.origin as TaskOrigin,
          originKey: t.originKey,
        }),
      );
    }
    closed = movedIds.size;
  }
  return { created, closed, events };
}

/** Every organization, for the scheduler. */
export async function listOrgIds(ctx: AppContext): Promise<string[]> {
  const rows = await ctx.database.db.select({ id: tables.organizations.id }).from(tables.organizations);
  return rows.map((r) => r.id);
}

/** Runs the generator for each organization in turn as the system; one org's failure does not stop the rest. */
export async function generateTasksForAllOrgs(
  ctx: AppContext,
  onError: (orgId: string, error: unknown) => void = () => {},
): Promise<{ orgs: number; created: number; closed: number }> {
  let created = 0;
  let closed = 0;
  const orgIds = await listOrgIds(ctx);
  for (const orgId of orgIds) {
    try {
      const r = await generateTasks(ctx, orgId);
      created += r.created;
      closed += r.closed;
    } catch (e) {
      onError(orgId, e);
    }
  }
  return { orgs: orgIds.length, created, closed };
}
