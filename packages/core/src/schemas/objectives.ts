import { z } from "zod";
import { LinkTarget, LinkView } from "../shared/links";
import { objectiveDirections, objectiveStatuses } from "../objectives/objective-status";
import {
  Abilities,
  DEFAULT_PAGE_SIZE,
  LongText,
  MAX_PAGE_SIZE,
  Name,
  Page,
  QueryText,
  Uuid,
  Version,
} from "./common";

export const ObjectiveStatusSchema = z.enum(objectiveStatuses);
export const ObjectiveDirectionSchema = z.enum(objectiveDirections);
export const objectiveProgressSources = ["manual", "cli", "api", "measurement"] as const;
export const ObjectiveProgressSourceSchema = z.enum(objectiveProgressSources);

export const ObjectiveDate = z.iso.date({ message: "must be a date (YYYY-MM-DD)" });
const Amount = z.number({ message: "must be a number" }).finite({ message: "must be a finite number" });

/** The editable fields of an objective, validated the same way by server, CLI and forms. */
const fieldShape = {
  title: Name(200),
  description: LongText(10_000),
  /** what is measured, in words: "share of model releases with a completed impact assessment" */
  measure: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(1000, { message: "must be at most 1000 characters" }),
  target: Amount,
  unit: LongText(50),
  direction: ObjectiveDirectionSchema,
  baseline: Amount.nullable(),
  startDate: ObjectiveDate,
  dueDate: ObjectiveDate,
  ownerId: Uuid.nullable(),
};
export const ObjectiveFields = z.strictObject(fieldShape);
export type ObjectiveFields = z.infer<typeof ObjectiveFields>;
export const objectiveFieldNames = Object.keys(fieldShape) as (keyof ObjectiveFields)[];

const Links = z.array(LinkTarget).max(100, { message: "must have at most 100 links" });

export const CreateObjectiveInput = z.strictObject({
  ...fieldShape,
  description: fieldShape.description.default(""),
  unit: fieldShape.unit.default(""),
  direction: fieldShape.direction.default("increase"),
  baseline: fieldShape.baseline.default(null),
  /** default: the day the objective is set */
  startDate: fieldShape.startDate.optional(),
  ownerId: fieldShape.ownerId.default(null),
  links: Links.default([]),
});
export type CreateObjectiveInput = z.input<typeof CreateObjectiveInput>;

/** Only the fields sent change; `links`, when sent, replaces the whole set. */
export const UpdateObjectiveInput = ObjectiveFields.partial().extend({
  links: Links.optional(),
  version: Version,
});
export type UpdateObjectiveInput = z.input<typeof UpdateObjectiveInput>;

export const ObjectiveVersionInput = z.strictObject({ version: Version });

/** A date (`2026-03-01`, read as midnight UTC) or a date-time with offset. */
const ObservedAt = z.union([ObjectiveDate, z.iso.datetime({ offset: true })], {
  message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
});

export const AddObjectiveProgressInput = z.strictObject({
  value: Amount,
  /** default: now */
  observedAt: ObservedAt.optional(),
  note: LongText(2000).default(""),
  /** who measured: a person (`manual`), a pipeline through the CLI or API, or a measurement run */
  source: ObjectiveProgressSourceSchema.default("api"),
});
export type AddObjectiveProgressInput = z.input<typeof AddObjectiveProgressInput>;

export const ObjectiveListQuery = z.strictObject({
  status: ObjectiveStatusSchema.optional(),
  ownerId: Uuid.optional(),
  q: QueryText(200).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type ObjectiveListQuery = z.infer<typeof ObjectiveListQuery>;
export type ObjectiveListQueryInput = z.input<typeof ObjectiveListQuery>;

export const ObjectiveProgressView = z.object({
  id: Uuid,
  objectiveId: Uuid,
  value: z.number(),
  observedAt: z.string(),
  note: z.string(),
  source: ObjectiveProgressSourceSchema,
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ObjectiveProgressView = z.infer<typeof ObjectiveProgressView>;
export const ObjectiveProgressPage = Page(ObjectiveProgressView);
export type ObjectiveProgressPage = z.infer<typeof ObjectiveProgressPage>;

export const ObjectiveSummaryView = z.object({
  id: Uuid,
  orgId: Uuid,
  title: z.string(),
  description: z.string(),
  measure: z.string(),
  target: z.number(),
  unit: z.string(),
  direction: ObjectiveDirectionSchema,
  baseline: z.number().nullable(),
  startDate: z.string(),
  dueDate: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** derived from the progress against the target, as of the response (see docs/objectives-and-concerns.md) */
  status: ObjectiveStatusSchema,
  /** where the value should be today on the straight path from start to target; null when not computable */
  expectedValue: z.number().nullable(),
  /** share of the distance from start to target covered by the latest value, 0–100 */
  percent: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestObservedAt: z.string().nullable(),
  progressCount: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type ObjectiveSummaryView = z.infer<typeof ObjectiveSummaryView>;

/** The maximum number of progress entries a detail response carries (the newest; all are paged under /progress). */
export const OBJECTIVE_DETAIL_PROGRESS_LIMIT = 500;

export const ObjectiveView = ObjectiveSummaryView.extend({
  links: z.array(LinkView),
  /** the newest entries (at most OBJECTIVE_DETAIL_PROGRESS_LIMIT), oldest first, ready for a chart */
  progress: z.array(ObjectiveProgressView),
});
export type ObjectiveView = z.infer<typeof ObjectiveView>;

export const ObjectivePage = Page(ObjectiveSummaryView).extend({
  total: z.number().int(),
  abilities: Abilities,
});
export type ObjectivePage = z.infer<typeof ObjectivePage>;

/** The answer to recording progress: the entry, and the objective as it stands now (status included). */
export const ObjectiveProgressRecorded = z.object({
  progress: ObjectiveProgressView,
  objective: ObjectiveSummaryView,
});
export type ObjectiveProgressRecorded = z.infer<typeof ObjectiveProgressRecorded>;
