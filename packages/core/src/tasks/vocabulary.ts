/**
 * Tasks: a piece of work with an assignee and a due date, linked to the record it is about. People create them
 * by hand; features create them too (a document review coming due, a gap in the Statement of Applicability).
 */
export const taskStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Statuses in which a task still asks for work. */
export const activeTaskStatuses = ["open", "in_progress"] as const satisfies readonly TaskStatus[];
export const isActiveTaskStatus = (s: TaskStatus): boolean => s === "open" || s === "in_progress";

export const taskPriorities = ["low", "medium", "high"] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/**
 * Where a task came from. `manual` is a person; every other origin is a generator (app `generateTasks`) that
 * opens a task while a condition holds and closes it when the condition clears. Add an origin here with its
 * generator.
 */
export const taskOrigins = [
  "manual",
  "document_review",
  "soa_gap",
  "measurement_policy_failed",
  "impact_assessment_review",
  "training_due",
] as const;
export type TaskOrigin = (typeof taskOrigins)[number];

/**
 * The status machine. A closed task (done, cancelled) can be reopened; there is no other way out of it.
 * Moving to the same status is not a transition (nothing changes, no event).
 */
export const taskTransitions: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ["in_progress", "done", "cancelled"],
  in_progress: ["open", "done", "cancelled"],
  done: ["open"],
  cancelled: ["open"],
};

export const canTransitionTask = (from: TaskStatus, to: TaskStatus): boolean =>
  taskTransitions[from].includes(to);

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};
export const taskPriorityLabels: Record<TaskPriority, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};
export const taskOriginLabels: Record<TaskOrigin, string> = {
  manual: "Created by hand",
  document_review: "Document review due",
  soa_gap: "Gap in the Statement of Applicability",
  measurement_policy_failed: "A measurement failed its threshold",
  impact_assessment_review: "Impact assessment review due",
  training_due: "AI literacy training missing or expiring",
};

/** A calendar date `YYYY-MM-DD` in UTC: due dates are days, and "today" is the UTC day of the clock. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Overdue: still active and due before today (a task due today is not overdue yet). */
export const isTaskOverdue = (t: { status: TaskStatus; dueDate: string | null }, today: string): boolean =>
  isActiveTaskStatus(t.status) && t.dueDate !== null && t.dueDate < today;
