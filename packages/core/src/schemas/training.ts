import { z } from "zod";
import { builtinRoles } from "../access/roles";
import { LinkView } from "../shared/links";
import { trainingStatuses } from "../training/training-status";
import {
  Abilities,
  DEFAULT_PAGE_SIZE,
  Email,
  LongText,
  MAX_PAGE_SIZE,
  Name,
  Page,
  QueryText,
  Uuid,
  Version,
} from "./common";

export const trainingKinds = ["ai_literacy", "role_specific", "other"] as const;
export type TrainingKind = (typeof trainingKinds)[number];
export const TrainingKindSchema = z.enum(trainingKinds);
export const trainingKindLabels: Record<TrainingKind, string> = {
  ai_literacy: "AI literacy",
  role_specific: "Role-specific",
  other: "Other",
};

export const trainingMethods = [
  "e_learning",
  "classroom",
  "workshop",
  "on_the_job",
  "self_study",
  "external_course",
  "other",
] as const;
export type TrainingMethod = (typeof trainingMethods)[number];
export const TrainingMethodSchema = z.enum(trainingMethods);
export const trainingMethodLabels: Record<TrainingMethod, string> = {
  e_learning: "E-learning",
  classroom: "Classroom",
  workshop: "Workshop",
  on_the_job: "On the job",
  self_study: "Self-study",
  external_course: "External course",
  other: "Other",
};

export const TrainingStatusSchema = z.enum(trainingStatuses);

export const TrainingDate = z.iso.date({ message: "must be a date (YYYY-MM-DD)" });

/** A membership role a topic applies to: a built-in role name or a custom role key `custom:<id>`. */
export const TrainingRoleKey = z.union([z.enum(builtinRoles), z.string().regex(/^custom:[0-9a-f-]{36}$/i)], {
  message: `must be a role (${builtinRoles.join(", ")}) or custom:<role id>`,
});

const fieldShape = {
  name: Name(200),
  description: LongText(5000),
  kind: TrainingKindSchema,
  /** how long a completion counts; null: it never expires */
  validityMonths: z
    .number({ message: "must be a number of months" })
    .int({ message: "must be a whole number of months" })
    .min(1, { message: "must be at least 1 month" })
    .max(120, { message: "must be at most 120 months" })
    .nullable(),
  /** required topics count in the coverage of the members they apply to */
  required: z.boolean(),
  /** the roles that must hold it; empty (and no AI systems): every member */
  roles: z
    .array(TrainingRoleKey)
    .max(20, { message: "must have at most 20 roles" })
    .refine((r) => new Set(r).size === r.length, { message: "must not repeat a role" }),
  /** counts toward the AI literacy measures of EU AI Act Art. 4 */
  aiLiteracy: z.boolean(),
};
export const TrainingTopicFields = z.strictObject(fieldShape);
export type TrainingTopicFields = z.infer<typeof TrainingTopicFields>;
export const trainingTopicFieldNames = Object.keys(fieldShape) as (keyof TrainingTopicFields)[];

const AiSystemIds = z.array(Uuid).max(100, { message: "must have at most 100 AI systems" });

export const CreateTrainingTopicInput = z.strictObject({
  name: fieldShape.name,
  description: fieldShape.description.default(""),
  kind: fieldShape.kind.default("other"),
  validityMonths: fieldShape.validityMonths.default(null),
  required: fieldShape.required.default(true),
  roles: fieldShape.roles.default([]),
  /** default: true for kind ai_literacy, false otherwise */
  aiLiteracy: fieldShape.aiLiteracy.optional(),
  /** the AI systems the topic concerns; their owners must hold it too (when required) */
  aiSystemIds: AiSystemIds.default([]),
});
export type CreateTrainingTopicInput = z.input<typeof CreateTrainingTopicInput>;

/** Only the fields sent change; `aiSystemIds`, when sent, replaces the set. */
export const UpdateTrainingTopicInput = TrainingTopicFields.partial().extend({
  aiSystemIds: AiSystemIds.optional(),
  version: Version,
});
export type UpdateTrainingTopicInput = z.input<typeof UpdateTrainingTopicInput>;

export const TrainingTopicListQuery = z.strictObject({
  q: QueryText(200).optional(),
  kind: TrainingKindSchema.optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type TrainingTopicListQueryInput = z.input<typeof TrainingTopicListQuery>;

export const TrainingTopicView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  description: z.string(),
  kind: TrainingKindSchema,
  validityMonths: z.number().int().nullable(),
  required: z.boolean(),
  roles: z.array(z.string()),
  aiLiteracy: z.boolean(),
  /** the linked AI systems, labelled */
  aiSystems: z.array(LinkView),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type TrainingTopicView = z.infer<typeof TrainingTopicView>;
export const TrainingTopicPage = Page(TrainingTopicView).extend({ abilities: Abilities });
export type TrainingTopicPage = z.infer<typeof TrainingTopicPage>;

const EvidenceIds = z.array(Uuid).max(20, { message: "must have at most 20 evidence items" });

const recordShape = {
  completedOn: TrainingDate,
  /** a stated end of validity (a certificate's); null: derived from the topic's validity */
  expiresOn: TrainingDate.nullable(),
  /** who gave the training: a provider, a platform, an internal team */
  provider: LongText(200),
  method: TrainingMethodSchema,
  note: LongText(2000),
};
export const TrainingRecordFields = z.strictObject(recordShape);
export type TrainingRecordFields = z.infer<typeof TrainingRecordFields>;
export const trainingRecordFieldNames = Object.keys(recordShape) as (keyof TrainingRecordFields)[];

/** The member is named by user id or by e-mail (exactly one of them). */
export const CreateTrainingRecordInput = z
  .strictObject({
    userId: Uuid.optional(),
    email: Email.optional(),
    topicId: Uuid,
    completedOn: recordShape.completedOn,
    expiresOn: recordShape.expiresOn.default(null),
    provider: recordShape.provider.default(""),
    method: recordShape.method.default("other"),
    note: recordShape.note.default(""),
    evidenceIds: EvidenceIds.default([]),
  })
  .refine((v) => (v.userId === undefined) !== (v.email === undefined), {
    message: "name the member by userId or by email (exactly one)",
    path: ["userId"],
  });
export type CreateTrainingRecordInput = z.input<typeof CreateTrainingRecordInput>;

/** The member and the topic stay; a wrong one is deleted and recorded again. */
export const UpdateTrainingRecordInput = TrainingRecordFields.partial().extend({
  evidenceIds: EvidenceIds.optional(),
  version: Version,
});
export type UpdateTrainingRecordInput = z.input<typeof UpdateTrainingRecordInput>;

export const TrainingRecordListQuery = z.strictObject({
  userId: Uuid.optional(),
  topicId: Uuid.optional(),
  status: z.enum(["current", "expiring_soon", "expired"]).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type TrainingRecordListQueryInput = z.input<typeof TrainingRecordListQuery>;

export const TrainingRecordView = z.object({
  id: Uuid,
  orgId: Uuid,
  userId: Uuid,
  userName: z.string(),
  userEmail: z.string(),
  topicId: Uuid,
  topicName: z.string(),
  topicKind: TrainingKindSchema,
  aiLiteracy: z.boolean(),
  completedOn: z.string(),
  /** the stated end of validity, or null when derived */
  statedExpiresOn: z.string().nullable(),
  /** the last day it counts (stated, or from the topic's validity); null: never expires */
  expiresOn: z.string().nullable(),
  /** derived as of the response */
  status: z.enum(["current", "expiring_soon", "expired"]),
  provider: z.string(),
  method: TrainingMethodSchema,
  note: z.string(),
  evidence: z.array(LinkView),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type TrainingRecordView = z.infer<typeof TrainingRecordView>;
export const TrainingRecordPage = Page(TrainingRecordView).extend({ abilities: Abilities });
export type TrainingRecordPage = z.infer<typeof TrainingRecordPage>;

export const TrainingCoverageQuery = z.strictObject({
  userId: Uuid.optional(),
});
export type TrainingCoverageQueryInput = z.input<typeof TrainingCoverageQuery>;

export const TrainingCoverageCell = z.object({
  topicId: Uuid,
  /** the topic is required of this member */
  applies: z.boolean(),
  status: TrainingStatusSchema,
  completedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export type TrainingCoverageCell = z.infer<typeof TrainingCoverageCell>;

export const TrainingCoverageMember = z.object({
  userId: Uuid,
  name: z.string(),
  email: z.string(),
  role: z.string(),
  /** the member's best AI-literacy training (Art. 4) */
  aiLiteracy: TrainingStatusSchema,
  /** every topic required of the member is current or expiring soon */
  covered: z.boolean(),
  cells: z.array(TrainingCoverageCell),
});
export type TrainingCoverageMember = z.infer<typeof TrainingCoverageMember>;

export const TrainingCoverageSummary = z.object({
  members: z.number().int(),
  aiLiteracyValid: z.number().int(),
  /** share of active members with a valid AI-literacy training, 0–100 (one decimal) */
  aiLiteracyPercent: z.number(),
  aiLiteracyExpiringSoon: z.number().int(),
  covered: z.number().int(),
  /** member × required topic cells by status */
  required: z.record(TrainingStatusSchema, z.number().int()),
});
export type TrainingCoverageSummary = z.infer<typeof TrainingCoverageSummary>;

export const TrainingCoverageView = z.object({
  asOf: z.string(),
  topics: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      kind: TrainingKindSchema,
      aiLiteracy: z.boolean(),
      required: z.boolean(),
      validityMonths: z.number().int().nullable(),
    }),
  ),
  members: z.array(TrainingCoverageMember),
  summary: TrainingCoverageSummary,
  /** false when the caller sees only their own row */
  complete: z.boolean(),
});
export type TrainingCoverageView = z.infer<typeof TrainingCoverageView>;

export const TrainingImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type TrainingImportReport = z.infer<typeof TrainingImportReport>;
