import { authorize, taskPolicy, type Actor, type TaskView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findTaskView } from "./task-records";

export async function getTask(ctx: AppContext, actor: Actor, id: string): Promise<TaskView> {
  authorize(actor, taskPolicy, "read", { assigneeId: null, status: "open" });
  return findTaskView(ctx.database.db, actor, id, ctx.now());
}
