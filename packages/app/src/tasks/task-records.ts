import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  abilitiesOf,
  invalidInput,
  isTaskOverdue,
  notFound,
  taskPolicy,
  utcDay,
  type Actor,
  type LinkTarget,
  type LinkTargetType,
  type LinkView,
  type TaskOrigin,
  type TaskPriority,
  type TaskState,
  type TaskStatus,
  type TaskView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks } from "../shared/links";

const { tasks, users, memberships } = tables;
export type TaskRow = typeof tasks.$inferSelect;

export const assignees = alias(users, "assignee");

export const subjectOf = (row: Pick<TaskRow, "subjectType" | "subjectId">): LinkTarget | null =>
  row.subjectType && row.subjectId ? { type: row.subjectType as LinkTargetType, id: row.subjectId } : null;

/** The row as the pure decide functions in core see it. */
export function toTaskState(row: TaskRow): TaskState {
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    assigneeId: row.assigneeId,
    dueDate: row.dueDate,
    priority: row.priority as TaskPriority | null,
    subject: subjectOf(row),
    status: row.status as TaskStatus,
    origin: row.origin as TaskOrigin,
    originKey: row.originKey,
    version: row.version,
  };
}

export function presentTask(
  actor: Actor,
  row: TaskRow,
  assigneeName: string | null,
  subject: LinkView | null,
  today: string,
): TaskView {
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    status,
    priority: row.priority as TaskPriority | null,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? assigneeName : null,
    dueDate: row.dueDate,
    overdue: isTaskOverdue({ status, dueDate: row.dueDate }, today),
    subject,
    origin: row.origin as TaskOrigin,
    originKey: row.originKey,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedById: row.completedBy,
    createdById: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, taskPolicy, { assigneeId: row.assigneeId, status }),
  };
}

/** Presents rows with their subjects labelled in one query per subject type. */
export async function presentTasks(
  db: Executor,
  actor: Actor,
  rows: { row: TaskRow; assigneeName: string | null }[],
  now: Date,
): Promise<TaskView[]> {
  const subjects = rows.map((r) => subjectOf(r.row)).filter((s): s is LinkTarget => s !== null);
  const labelled = subjects.length > 0 ? await labelLinks(db, actor.orgId, subjects) : [];
  const byKey = new Map(labelled.map((l) => [`${l.type}|${l.id}`, l]));
  const today = utcDay(now);
  return rows.map(({ row, assigneeName }) => {
    const s = subjectOf(row);
    return presentTask(actor, row, assigneeName, s ? (byKey.get(`${s.type}|${s.id}`) ?? null) : null, today);
  });
}

/** Loads and row-locks a task of the org for a write; another org's id is a 404. */
export async function lockTask(tx: Executor, orgId: string, id: string): Promise<TaskRow> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.id, id)))
    .for("update");
  if (!row) throw notFound("Task");
  return row;
}

export async function findTask(
  db: Executor,
  orgId: string,
  id: string,
): Promise<{ row: TaskRow; assigneeName: string | null }> {
  const [found] = await db
    .select({ row: tasks, assigneeName: assignees.name })
    .from(tasks)
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .where(and(eq(tasks.orgId, orgId), eq(tasks.id, id)));
  if (!found) throw notFound("Task");
  return found;
}

export async function findTaskView(db: Executor, actor: Actor, id: string, now: Date): Promise<TaskView> {
  const found = await findTask(db, actor.orgId, id);
  return (await presentTasks(db, actor, [found], now))[0]!;
}

/** An assignee must be an active member of the same organization. */
export async function assertActiveAssignee(db: Executor, orgId: string, userId: string): Promise<void> {
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), eq(memberships.status, "active")),
    );
  if (!m) {
    throw invalidInput("assigneeId: must be an active member of this organization.", {
      issues: [
        { path: "assigneeId", message: "must be the user id of an active member of this organization" },
      ],
    });
  }
}
