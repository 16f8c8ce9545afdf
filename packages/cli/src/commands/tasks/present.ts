import {
  describeIssues,
  taskOriginLabels,
  taskPriorityLabels,
  taskStatusLabels,
  Uuid,
  type FieldIssue,
  type TaskView,
} from "@openaims/core";
import type { z } from "zod";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { keyValues, table, type Column } from "../../output/format";

export function checkTaskId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a task id (a UUID).`);
  return id;
}

const due = (t: TaskView) => (t.dueDate ? `${t.dueDate}${t.overdue ? " (overdue)" : ""}` : "");

export const taskColumns: Column<TaskView>[] = [
  { header: "ID", value: (t) => t.id },
  { header: "TITLE", value: (t) => t.title, max: 48 },
  { header: "STATUS", value: (t) => t.status },
  { header: "DUE", value: due },
  { header: "ASSIGNEE", value: (t) => t.assigneeName ?? t.assigneeId ?? "", max: 24 },
  { header: "ABOUT", value: (t) => t.subject?.label ?? "", max: 32 },
];

export const taskTable = (items: TaskView[]) => table(items, taskColumns);

export function taskDetails(t: TaskView): string {
  return keyValues([
    ["ID", t.id],
    ["Title", t.title],
    ["Description", t.description],
    ["Status", taskStatusLabels[t.status] ?? t.status],
    ["Priority", t.priority ? (taskPriorityLabels[t.priority] ?? t.priority) : ""],
    ["Assignee", t.assigneeId ? `${t.assigneeName ?? "?"} (${t.assigneeId})` : ""],
    ["Due", due(t)],
    ["About", t.subject ? `${t.subject.label} (${t.subject.type} ${t.subject.id})` : ""],
    ["Origin", taskOriginLabels[t.origin] ?? t.origin],
    ["Closed", t.completedAt ?? ""],
    ["Version", String(t.version)],
  ]);
}

/** Validates with the API's schema; field paths are reported as the flags that set them. */
export function validateTaskInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  flagOf: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = describeIssues(parsed.error).map((i) => {
    const [head = "", ...rest] = i.path.split(".");
    return { path: [flagOf[head] ?? head, ...rest].join("."), message: i.message };
  });
  throw new CliError(ExitCode.usage, "The task is not valid; nothing was sent.", issues);
}
