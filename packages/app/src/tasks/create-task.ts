import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateTaskInput,
  decideCreateTask,
  taskPolicy,
  type Actor,
  type TaskView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { assertActiveAssignee, findTaskView } from "./task-records";
import { validateTaskSubject } from "./task-subject";

/** A task made by hand: open, origin `manual`. */
export async function createTask(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateTaskInput,
): Promise<TaskView> {
  authorize(actor, taskPolicy, "create", { assigneeId: null, status: "open" });
  const fields = parseInput(CreateTaskInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    if (fields.assigneeId) await assertActiveAssignee(tx, actor.orgId, fields.assigneeId);
    const subject = await validateTaskSubject(tx, actor.orgId, fields.subject);
    const id = randomUUID();
    const event = decideCreateTask(id, { ...fields, subject });
    const now = ctx.now();
    await tx.insert(tables.tasks).values({
      id,
      orgId: actor.orgId,
      title: fields.title,
      description: fields.description,
      assigneeId: fields.assigneeId,
      dueDate: fields.dueDate,
      priority: fields.priority,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      origin: "manual",
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    return { result: await findTaskView(tx, actor, id, now), events: [event] };
  });
}
