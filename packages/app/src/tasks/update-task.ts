import { and, eq } from "drizzle-orm";
import {
  authorize,
  conflict,
  decideUpdateTask,
  requiredTaskActions,
  taskPolicy,
  UpdateTaskInput,
  type Actor,
  type TaskView,
} from "@openaims/core";
import { sqlState, tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { assertActiveAssignee, findTaskView, lockTask, toTaskState } from "./task-records";
import { validateTaskSubject } from "./task-subject";

/**
 * Edits, (re)assigns and moves a task through its status machine in one call. Only what differs is written;
 * each kind of change is authorized on its own (an assignee may move their task, not edit it).
 */
export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateTaskInput,
): Promise<TaskView> {
  const { version, status, ...changes } = parseInput(UpdateTaskInput, input);
  try {
    return await runCommand(ctx, actor, meta, async (tx) => {
      const current = await lockTask(tx, actor.orgId, id);
      const state = toTaskState(current);
      authorize(actor, taskPolicy, "read", state);
      if (changes.subject) changes.subject = await validateTaskSubject(tx, actor.orgId, changes.subject);
      for (const action of requiredTaskActions(state, changes, status))
        authorize(actor, taskPolicy, action, state);
      const decision = decideUpdateTask(state, changes, status, version);
      const now = ctx.now();
      if (!decision) return { result: await findTaskView(tx, actor, id, now), events: [] };
      const c = decision.changes;
      if (c.assigneeId) await assertActiveAssignee(tx, actor.orgId, c.assigneeId);
      await tx
        .update(tables.tasks)
        .set({
          ...(c.title !== undefined && { title: c.title }),
          ...(c.description !== undefined && { description: c.description }),
          ...(c.assigneeId !== undefined && { assigneeId: c.assigneeId }),
          ...(c.dueDate !== undefined && { dueDate: c.dueDate }),
          ...(c.priority !== undefined && { priority: c.priority }),
          ...(c.subject !== undefined && {
            subjectType: c.subject?.type ?? null,
            subjectId: c.subject?.id ?? null,
          }),
          ...(decision.status && {
            status: decision.status.to,
            completedAt: decision.status.completed ? now : null,
            completedBy: decision.status.completed ? actor.userId : null,
          }),
          version: current.version + 1,
          updatedAt: now,
        })
        .where(and(eq(tables.tasks.orgId, actor.orgId), eq(tables.tasks.id, id)));
      return { result: await findTaskView(tx, actor, id, now), events: decision.events };
    });
  } catch (e) {
    // reopening a generated task while a newer one for the same condition is open
    if (sqlState(e) === "23505") {
      throw conflict(
        "Another open task already stands for the same condition; work on that one instead of reopening this.",
      );
    }
    throw e;
  }
}
