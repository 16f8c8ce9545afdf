import {
  abilitiesOf,
  authorize,
  taskPolicy,
  TaskListQuery,
  utcDay,
  type Actor,
  type TaskListQueryInput,
  type TaskPage,
} from "@openaims/core";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { presentTasks } from "./task-records";
import { selectTaskPage, taskConditions } from "./task-query";

/**
 * Tasks of the org, filtered (status, assignee, `mine`, `overdue`, origin, subject) and keyset-paged; by due
 * date (undated last) unless sorted newest first. `overdue` uses the app clock's UTC day.
 */
export async function listTasks(ctx: AppContext, actor: Actor, input: TaskListQueryInput): Promise<TaskPage> {
  authorize(actor, taskPolicy, "read", { assigneeId: null, status: "open" });
  const { limit, cursor, sort, ...filter } = parseInput(TaskListQuery, input);
  const now = ctx.now();
  const { db } = ctx.database;
  const conds = taskConditions(actor.orgId, actor.userId, utcDay(now), filter);
  const page = await selectTaskPage(db, conds, sort, limit, cursor);
  return {
    items: await presentTasks(db, actor, page.rows, now),
    nextCursor: page.nextCursor,
    total: page.total,
    abilities: abilitiesOf(actor, taskPolicy, { assigneeId: null, status: "open" }),
  };
}
