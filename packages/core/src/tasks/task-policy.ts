import { can } from "../access/actor";
import { definePolicy } from "../access/policy";
import type { TaskStatus } from "./vocabulary";

export interface TaskSubject {
  assigneeId: string | null;
  status: TaskStatus;
}

/**
 * Anyone who reads the management system reads tasks; `task.write` creates, edits, assigns and cancels them.
 * The assignee may also move their own task between open, in progress and done (and reopen it) without
 * `task.write` — an auditor or viewer who is given a task can still report it done — but not cancel or edit it.
 */
export const taskPolicy = definePolicy<TaskSubject>()("task", {
  read: (a) => can(a, "aims.read"),
  create: (a) => can(a, "task.write"),
  update: (a) => can(a, "task.write"),
  assign: (a) => can(a, "task.write"),
  changeStatus: (a, t) =>
    can(a, "task.write") || (can(a, "aims.read") && t.assigneeId !== null && t.assigneeId === a.userId),
  cancel: (a) => can(a, "task.write"),
  generate: (a) => can(a, "task.write"),
});
export type TaskAction = keyof (typeof taskPolicy)["rules"];
