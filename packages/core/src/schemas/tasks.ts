import { z } from "zod";
import { LinkTarget, LinkView } from "../shared/links";
import { taskOrigins, taskPriorities, taskStatuses } from "../tasks/vocabulary";
import { Abilities, DEFAULT_PAGE_SIZE, LongText, MAX_PAGE_SIZE, Name, Page, Uuid, Version } from "./common";

export const TaskStatusSchema = z.enum(taskStatuses);
export const TaskPrioritySchema = z.enum(taskPriorities);
export const TaskOriginSchema = z.enum(taskOrigins);

/** A calendar day `YYYY-MM-DD` that exists (no 02-30). */
export const TaskDueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD" })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "is not a calendar date",
    },
  );

/** The fields a person edits, with the validation that server, CLI and forms share. */
const fieldShape = {
  title: Name(300),
  description: LongText(10_000),
  assigneeId: Uuid.nullable(),
  dueDate: TaskDueDate.nullable(),
  priority: TaskPrioritySchema.nullable(),
  /** the record the task is about; framework nodes as `iso-iec-42001-2023:A.2.2` or a bare `A.2.2` */
  subject: LinkTarget.nullable(),
};
export const TaskFields = z.strictObject(fieldShape);
export type TaskFields = z.infer<typeof TaskFields>;
export const taskFieldNames = Object.keys(fieldShape) as (keyof TaskFields)[];

export const CreateTaskInput = z.strictObject({
  ...fieldShape,
  description: fieldShape.description.default(""),
  assigneeId: fieldShape.assigneeId.default(null),
  dueDate: fieldShape.dueDate.default(null),
  priority: fieldShape.priority.default(null),
  subject: fieldShape.subject.default(null),
});
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

/** Only the fields sent change; `status` moves the task through its status machine; `version` guards. */
export const UpdateTaskInput = TaskFields.partial().extend({
  status: TaskStatusSchema.optional(),
  version: Version,
});
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

/** A query-string flag; booleans pass too, so a query parsed once can be parsed again by the use case. */
const Flag = z.union([
  z.boolean(),
  z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true"),
]);

export const taskSortKeys = ["dueDate", "-createdAt"] as const;
/** `active` = open or in progress, `closed` = done or cancelled. */
export const taskStatusFilters = [...taskStatuses, "active", "closed"] as const;

export const TaskListQuery = z.strictObject({
  status: z.enum(taskStatusFilters).optional(),
  assigneeId: Uuid.optional(),
  /** only tasks assigned to the caller */
  mine: Flag.optional(),
  /** only active tasks due before today (UTC) */
  overdue: Flag.optional(),
  origin: TaskOriginSchema.optional(),
  subjectType: LinkTarget.shape.type.optional(),
  subjectId: LinkTarget.shape.id.optional(),
  sort: z.enum(taskSortKeys).default("dueDate"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export type TaskListQueryInput = z.input<typeof TaskListQuery>;

export const TaskView = z.object({
  id: Uuid,
  orgId: Uuid,
  title: z.string(),
  description: z.string(),
  status: TaskStatusSchema,
  priority: TaskPrioritySchema.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** active and due before today (UTC), by the server's clock */
  overdue: z.boolean(),
  subject: LinkView.nullable(),
  origin: TaskOriginSchema,
  /** set on generated tasks: what condition the task stands for (e.g. `document_review:<id>:<date>`) */
  originKey: z.string().nullable(),
  /** when and by whom the task was closed (done or cancelled); null by = closed by the system */
  completedAt: z.string().nullable(),
  completedById: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type TaskView = z.infer<typeof TaskView>;

export const TaskPage = Page(TaskView).extend({ total: z.number().int(), abilities: Abilities });
export type TaskPage = z.infer<typeof TaskPage>;

/** Counts for dashboards and readiness: active tasks, overdue ones, and the caller's own. */
export const TaskSummary = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  mine: z.number().int(),
  mineOverdue: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const GenerateTasksResult = z.object({
  created: z.number().int(),
  closed: z.number().int(),
  byOrigin: z.array(
    z.object({ origin: TaskOriginSchema, created: z.number().int(), closed: z.number().int() }),
  ),
});
export type GenerateTasksResult = z.infer<typeof GenerateTasksResult>;
