import { and, eq, inArray, sql } from "drizzle-orm";
import {
  activeTaskStatuses,
  authorize,
  taskPolicy,
  utcDay,
  type Actor,
  type TaskSummary,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import type { AppContext } from "../shared/context";

const { tasks } = tables;

/**
 * Active tasks of an org, how many are overdue, and (when a user is given) how many of them are theirs: one
 * aggregate over the index on (org, status, due date). Readiness and the dashboard read it too.
 */
export async function countTasks(
  db: Executor,
  orgId: string,
  userId: string | null,
  today: string,
): Promise<TaskSummary> {
  const overdue = sql`${tasks.dueDate} < ${today}::date`;
  const mine = userId ? sql`${tasks.assigneeId} = ${userId}::uuid` : sql`false`;
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdue})::int`.mapWith(Number),
      mine: sql<number>`count(*) filter (where ${mine})::int`.mapWith(Number),
      mineOverdue: sql<number>`count(*) filter (where ${mine} and ${overdue})::int`.mapWith(Number),
    })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), inArray(tasks.status, [...activeTaskStatuses])));
  return row ?? { open: 0, overdue: 0, mine: 0, mineOverdue: 0 };
}

export async function getTaskSummary(ctx: AppContext, actor: Actor): Promise<TaskSummary> {
  authorize(actor, taskPolicy, "read", { assigneeId: null, status: "open" });
  return countTasks(ctx.database.db, actor.orgId, actor.userId, utcDay(ctx.now()));
}
