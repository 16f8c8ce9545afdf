import { z } from "zod";
import { LinkView } from "../shared/links";
import {
  Abilities,
  DEFAULT_PAGE_SIZE,
  LongText,
  MAX_PAGE_SIZE,
  Name,
  Uuid,
  Version,
} from "../schemas/common";
import { isCalendarDate } from "../incidents/incident";
import { DocumentDiffView } from "../schemas/documents";
import {
  harmDimensions,
  impactAssessmentStatuses,
  impactAssessmentVariants,
  impactAssessmentVersionKinds,
  impactAssessmentVersionStatuses,
  impactDecisionOutcomes,
  impactLevels,
} from "./vocabulary";

const CalendarDate = z.string().refine(isCalendarDate, { message: "must be a calendar date YYYY-MM-DD" });
const Text = (max = 20_000) => LongText(max).default("");
const Scale = (what: string) =>
  z
    .number({ message: `must be a number from 1 to 4 (${what})` })
    .int({ message: "must be a whole number from 1 to 4" })
    .min(1, { message: "must be from 1 to 4" })
    .max(4, { message: "must be from 1 to 4" });

/** One foreseeable harm: rated before mitigation, mitigated (applied controls, risks), rated again as it remains. */
export const HarmEntry = z.strictObject({
  dimension: z.enum(harmDimensions, { message: `must be one of ${harmDimensions.join(", ")}` }),
  description: LongText(5_000).min(1, { message: "must describe the harm" }),
  affected: Text(2_000),
  severity: Scale("1 minor … 4 severe"),
  likelihood: Scale("1 rare … 4 almost certain"),
  mitigations: Text(5_000),
  /** applied controls that carry the mitigation (stored as record links too) */
  appliedControlIds: z.array(Uuid).max(50).default([]),
  /** references to risks in the risk register (identifiers or titles; there is no risk table yet) */
  riskRefs: z.array(Name(200)).max(20).default([]),
  residualSeverity: Scale("1 minor … 4 severe").nullable().default(null),
  residualLikelihood: Scale("1 rare … 4 almost certain").nullable().default(null),
});
export type HarmEntry = z.infer<typeof HarmEntry>;

const section = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape).default(() => z.strictObject(shape).parse({}) as never);

/** The content of an assessment; every field may stay empty while drafting (see `assessmentGaps`). */
export const ImpactAssessmentContent = z.strictObject({
  system: section({ description: Text(), intendedUse: Text(), context: Text() }),
  affected: section({ individuals: Text(), groups: Text(), society: Text() }),
  benefits: section({ description: Text() }),
  harms: z.array(HarmEntry).max(100).default([]),
  residual: section({ summary: Text(), acceptable: z.boolean().nullable().default(null) }),
  consultation: section({
    stakeholders: Text(),
    summary: Text(),
    consultedOn: CalendarDate.nullable().default(null),
  }),
  decision: section({
    outcome: z.enum(impactDecisionOutcomes).nullable().default(null),
    rationale: Text(),
    conditions: Text(),
  }),
  /** EU AI Act Art. 27(1)(a)–(f); kept (and required) for the `fria` variant */
  fria: section({
    processes: Text(),
    periodAndFrequency: Text(),
    affectedCategories: Text(),
    specificRisks: Text(),
    humanOversight: Text(),
    measuresIfMaterialised: Text(),
    governance: Text(),
    complaints: Text(),
  }),
});
export type ImpactAssessmentContent = z.infer<typeof ImpactAssessmentContent>;
export type ImpactAssessmentContentInput = z.input<typeof ImpactAssessmentContent>;

export const ImpactAssessmentVariantSchema = z.enum(impactAssessmentVariants);
export const ImpactAssessmentStatusSchema = z.enum(impactAssessmentStatuses);

export const CreateImpactAssessmentInput = z.strictObject({
  aiSystemId: Uuid,
  title: Name(200).optional(),
  /** default: `fria` when the system's current EU AI Act classification requires one, else `standard` */
  variant: ImpactAssessmentVariantSchema.optional(),
  ownerId: Uuid.nullable().default(null),
  reviewIntervalMonths: z.number().int().min(1).max(60).default(12),
  content: ImpactAssessmentContent.optional(),
});
export type CreateImpactAssessmentInput = z.input<typeof CreateImpactAssessmentInput>;

export const UpdateImpactAssessmentInput = z.strictObject({
  version: Version,
  title: Name(200).optional(),
  variant: ImpactAssessmentVariantSchema.optional(),
  ownerId: Uuid.nullable().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(60).optional(),
  nextReviewDate: CalendarDate.nullable().optional(),
  /** replaces the whole content; only while the assessment is a draft */
  content: ImpactAssessmentContent.optional(),
});
export type UpdateImpactAssessmentInput = z.input<typeof UpdateImpactAssessmentInput>;

export const impactAssessmentActions = [
  "submit",
  "approve",
  "reject",
  "revise",
  "mark-reviewed",
  "archive",
  "restore",
] as const;
export type ImpactAssessmentAction = (typeof impactAssessmentActions)[number];
export const ImpactAssessmentActionInput = z.strictObject({
  version: Version,
  comment: LongText(2_000).optional(),
});
export type ImpactAssessmentActionInput = z.input<typeof ImpactAssessmentActionInput>;

export const RecordAuthorityNotificationInput = z.strictObject({
  notifiedOn: CalendarDate,
  authority: Name(300),
  reference: LongText(300).default(""),
  note: LongText(5_000).default(""),
});
export type RecordAuthorityNotificationInput = z.input<typeof RecordAuthorityNotificationInput>;

export const ImpactAssessmentListQuery = z.strictObject({
  systemId: Uuid.optional(),
  status: ImpactAssessmentStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type ImpactAssessmentListQueryInput = z.input<typeof ImpactAssessmentListQuery>;

const Rating = z.object({ score: z.number().int(), level: z.enum(impactLevels) });
export const HarmRatingView = z.object({ inherent: Rating, residual: Rating });
export const ImpactSummary = z.object({
  harms: z.array(HarmRatingView),
  overallInherent: Rating.nullable(),
  overallResidual: Rating.nullable(),
});
export type ImpactSummary = z.infer<typeof ImpactSummary>;
export const GapView = z.object({ path: z.string(), message: z.string() });

export const ImpactAssessmentSummaryView = z.object({
  id: Uuid,
  aiSystemId: Uuid,
  aiSystemName: z.string(),
  title: z.string(),
  variant: ImpactAssessmentVariantSchema,
  templateId: z.string(),
  status: ImpactAssessmentStatusSchema,
  revision: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  nextReviewDate: z.string().nullable(),
  overallResidual: Rating.nullable(),
  /** the system's current EU AI Act classification says a FRIA is required */
  friaRequired: z.boolean(),
  warnings: z.array(z.string()),
  ownerId: Uuid.nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ImpactAssessmentSummaryView = z.infer<typeof ImpactAssessmentSummaryView>;

export const ImpactAssessmentPage = z.object({
  items: z.array(ImpactAssessmentSummaryView),
  nextCursor: z.string().nullable(),
  abilities: Abilities,
});
export type ImpactAssessmentPage = z.infer<typeof ImpactAssessmentPage>;

export const ImpactAssessmentVersionSummary = z.object({
  number: z.number().int(),
  kind: z.enum(impactAssessmentVersionKinds),
  status: z.enum(impactAssessmentVersionStatuses),
  revision: z.number().int(),
  note: z.string(),
  createdBy: Uuid.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ImpactAssessmentVersionSummary = z.infer<typeof ImpactAssessmentVersionSummary>;

export const ImpactAssessmentVersionView = ImpactAssessmentVersionSummary.extend({
  title: z.string(),
  variant: ImpactAssessmentVariantSchema,
  templateId: z.string(),
  content: ImpactAssessmentContent,
  summary: ImpactSummary,
  authorId: Uuid.nullable(),
  editorIds: z.array(Uuid),
  systemVersion: z.number().int(),
});
export type ImpactAssessmentVersionView = z.infer<typeof ImpactAssessmentVersionView>;

export const AuthorityNotificationView = z.object({
  id: Uuid,
  versionNumber: z.number().int(),
  notifiedOn: z.string(),
  authority: z.string(),
  reference: z.string(),
  note: z.string(),
  loggedBy: Uuid.nullable(),
  loggedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type AuthorityNotificationView = z.infer<typeof AuthorityNotificationView>;

export const ImpactAssessmentView = ImpactAssessmentSummaryView.extend({
  content: ImpactAssessmentContent,
  summary: ImpactSummary,
  gaps: z.array(GapView),
  authorId: Uuid.nullable(),
  authorName: z.string().nullable(),
  editorIds: z.array(Uuid),
  approvedBy: Uuid.nullable(),
  approvedByName: z.string().nullable(),
  reviewIntervalMonths: z.number().int(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string(),
  archivedAt: z.string().nullable(),
  controls: z.array(LinkView),
  versions: z.array(ImpactAssessmentVersionSummary),
  notifications: z.array(AuthorityNotificationView),
  abilities: Abilities,
});
export type ImpactAssessmentView = z.infer<typeof ImpactAssessmentView>;

/** A field of the assessment that differs between two versions, as a line diff of its text. */
export const ImpactAssessmentFieldDiff = z.object({
  /** `section.field`, or `harms` for the table of harms */
  path: z.string(),
  label: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  lines: DocumentDiffView.shape.lines,
});
export const ImpactAssessmentVersionDiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** title, variant, template and the overall ratings, when they differ ("" for none) */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
  /** the template's sections with the fields that differ (sections without differences are left out) */
  sections: z.array(
    z.object({ key: z.string(), title: z.string(), fields: z.array(ImpactAssessmentFieldDiff) }),
  ),
  same: z.boolean(),
});
export type ImpactAssessmentVersionDiffView = z.infer<typeof ImpactAssessmentVersionDiffView>;
