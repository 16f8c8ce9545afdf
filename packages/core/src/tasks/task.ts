import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { taskFieldNames, type TaskFields } from "../schemas/tasks";
import type { TaskAction } from "./task-policy";
import {
  canTransitionTask,
  isActiveTaskStatus,
  taskStatusLabels,
  type TaskOrigin,
  type TaskPriority,
  type TaskStatus,
} from "./vocabulary";

export interface TaskState {
  id: string;
  orgId: string;
  title: string;
  description: string;
  assigneeId: string | null;
  dueDate: string | null;
  priority: TaskPriority | null;
  subject: LinkTarget | null;
  status: TaskStatus;
  origin: TaskOrigin;
  originKey: string | null;
  version: number;
}

const subjectKey = (s: LinkTarget | null | undefined) => (s ? `${s.type}|${s.id}` : null);

/** The fields whose value would actually change (a subject compares by type and id). */
function changedFields(current: TaskState, changes: Partial<TaskFields>): (keyof TaskFields)[] {
  return taskFieldNames.filter((f) => {
    if (!(f in changes)) return false;
    if (f === "subject") return subjectKey(changes.subject) !== subjectKey(current.subject);
    return changes[f] !== current[f];
  });
}

/**
 * What the policy must allow for this update: editing fields, (re)assigning, moving the status, cancelling.
 * Asked before the update is decided, so a caller who may not is told so whatever the state.
 */
export function requiredTaskActions(
  current: TaskState,
  changes: Partial<TaskFields>,
  status: TaskStatus | undefined,
): TaskAction[] {
  const fields = changedFields(current, changes);
  const actions: TaskAction[] = [];
  if (fields.some((f) => f !== "assigneeId")) actions.push("update");
  if (fields.includes("assigneeId")) actions.push("assign");
  if (status !== undefined && status !== current.status)
    actions.push(status === "cancelled" ? "cancel" : "changeStatus");
  return actions;
}

export function decideCreateTask(id: string, fields: TaskFields): PendingEvent {
  return {
    type: "task.created",
    entityType: "task",
    entityId: id,
    payload: { title: fields.title, diff: creationDiff(fields, taskFieldNames) },
  };
}

export interface TaskUpdateDecision {
  changes: Partial<TaskFields>;
  /** the new status and the completion stamp that goes with it, when the status moves */
  status: { to: TaskStatus; completed: boolean } | null;
  events: PendingEvent[];
}

/**
 * Returns what to persist and the events that record it, or null when nothing changes. Throws `conflict` for a
 * stale version and `invalid_state` for a move the status machine does not allow.
 */
export function decideUpdateTask(
  current: TaskState,
  changes: Partial<TaskFields>,
  status: TaskStatus | undefined,
  expectedVersion: number,
): TaskUpdateDecision | null {
  assertVersion(current, expectedVersion, "This task");
  const fields = changedFields(current, changes);
  const moves = status !== undefined && status !== current.status;
  if (fields.length === 0 && !moves) return null;
  if (moves && !canTransitionTask(current.status, status)) {
    throw invalidState(
      `A task that is ${taskStatusLabels[current.status].toLowerCase()} cannot become ` +
        `${taskStatusLabels[status].toLowerCase()}${isActiveTaskStatus(current.status) ? "" : "; reopen it first"}.`,
      { from: current.status, to: status },
    );
  }
  const changed = Object.fromEntries(fields.map((f) => [f, changes[f]])) as Partial<TaskFields>;
  const events: PendingEvent[] = [];
  if (fields.length > 0) {
    events.push({
      type: "task.updated",
      entityType: "task",
      entityId: current.id,
      payload: { title: changed.title ?? current.title, diff: diff(current, changed, fields) },
    });
  }
  if (moves) {
    events.push({
      type: "task.status_changed",
      entityType: "task",
      entityId: current.id,
      payload: { title: changed.title ?? current.title, from: current.status, to: status },
    });
  }
  return {
    changes: changed,
    status: moves ? { to: status, completed: !isActiveTaskStatus(status) } : null,
    events,
  };
}

/** A task a generator wants open while its condition holds. */
export interface GeneratedTaskSpec {
  origin: Exclude<TaskOrigin, "manual">;
  /** identifies the condition; unique among the org's active tasks */
  originKey: string;
  title: string;
  description: string;
  assigneeId: string | null;
  dueDate: string | null;
  priority: TaskPriority | null;
  subject: LinkTarget | null;
}

export function decideGenerateTask(id: string, orgId: string, spec: GeneratedTaskSpec): PendingEvent {
  return {
    type: "task.generated",
    entityType: "task",
    entityId: id,
    orgId,
    payload: {
      title: spec.title,
      origin: spec.origin,
      originKey: spec.originKey,
      assigneeId: spec.assigneeId,
      dueDate: spec.dueDate,
      subject: spec.subject,
    },
  };
}

/** A generated task whose condition no longer holds is closed as done, by the system. */
export function decideCloseGeneratedTask(
  task: Pick<TaskState, "id" | "orgId" | "title" | "status" | "origin" | "originKey">,
): PendingEvent {
  return {
    type: "task.closed_automatically",
    entityType: "task",
    entityId: task.id,
    orgId: task.orgId,
    payload: {
      title: task.title,
      origin: task.origin,
      originKey: task.originKey,
      from: task.status,
      to: "done",
      reason: "the condition that opened it no longer holds",
    },
  };
}
