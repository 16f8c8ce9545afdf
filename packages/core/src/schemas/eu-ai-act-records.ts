import { z } from "zod";
import { operatorRoles } from "../eu-ai-act/rules";
import { obligationStatuses } from "../eu-ai-act/obligation-sync";
import { ClassificationAnswersShape, ClassificationResult } from "./eu-ai-act";
import { LinkView } from "../shared/links";
import { Abilities, IsoDateTime, LongText, Uuid, Version } from "./common";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD" });

/** One stored classification of an AI system (immutable; a new answer set is a new number). */
export const SystemClassificationView = z.object({
  id: Uuid,
  aiSystemId: Uuid,
  number: z.number().int(),
  answers: ClassificationAnswersShape,
  result: ClassificationResult,
  /** the EU AI Act rule-data version the result was computed with */
  ruleDataId: z.string(),
  createdBy: Uuid.nullable(),
  createdByName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type SystemClassificationView = z.infer<typeof SystemClassificationView>;

export const SystemClassificationDetail = z.object({
  aiSystemId: Uuid,
  current: SystemClassificationView.nullable(),
  /** newest first, at most 100 */
  history: z.array(SystemClassificationView),
  /** the rule data a new classification would use; differs from current.ruleDataId when it is outdated */
  currentRuleDataId: z.string(),
  abilities: Abilities,
});
export type SystemClassificationDetail = z.infer<typeof SystemClassificationDetail>;

export const SystemObligationStatus = z.enum(obligationStatuses);

export const SystemObligationView = z.object({
  id: Uuid,
  aiSystemId: Uuid,
  /** the stable id in the rule data, e.g. "art26-2.human-oversight" */
  obligationId: z.string(),
  role: z.enum(operatorRoles),
  article: z.string(),
  title: z.string(),
  appliesFrom: IsoDate,
  basis: z.string(),
  status: SystemObligationStatus,
  /** false once the current classification no longer generates it (kept for history, status not_applicable) */
  applicable: z.boolean(),
  ownerId: Uuid.nullable(),
  ownerName: z.string().nullable(),
  /** = appliesFrom unless an earlier date was set */
  dueDate: IsoDate,
  dueDateSet: z.boolean(),
  notes: z.string(),
  /** the evidence and documents linked to it (record_links with target `obligation`), labelled */
  links: z.array(LinkView),
  /** still open or in progress after its due date (UTC day), computed on read */
  overdue: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number(),
  abilities: Abilities,
});
export type SystemObligationView = z.infer<typeof SystemObligationView>;

/** Every obligation of one system, sorted by appliesFrom (bounded by the rule-data catalogue, so no cursor). */
export const SystemObligationList = z.object({
  aiSystemId: Uuid,
  items: z.array(SystemObligationView),
});
export type SystemObligationList = z.infer<typeof SystemObligationList>;

/** What can be linked to a tracked obligation: an evidence item or a document of the organization. */
export const obligationLinkSourceTypes = ["evidence", "document"] as const;
export const ObligationLinkSource = z.strictObject({ type: z.enum(obligationLinkSourceTypes), id: Uuid });
export type ObligationLinkSource = z.infer<typeof ObligationLinkSource>;

export const UpdateObligationInput = z.strictObject({
  version: Version,
  status: SystemObligationStatus.optional(),
  ownerId: Uuid.nullable().optional(),
  /** null clears it (back to appliesFrom); must not be later than appliesFrom */
  dueDate: IsoDate.nullable().optional(),
  notes: LongText(5000).optional(),
  /** the evidence and documents that show it is met: replaces the current list (omit = unchanged) */
  links: z.array(ObligationLinkSource).max(200).optional(),
});
export type UpdateObligationInput = z.infer<typeof UpdateObligationInput>;

export const ObligationParams = z.object({ orgId: Uuid, id: Uuid, obligationId: Uuid });

/** `GET /orgs/{orgId}/obligations`: tracked obligations across the organization's live AI systems. */
export const OrgObligationQuery = z.strictObject({
  status: SystemObligationStatus.optional(),
  systemId: Uuid.optional(),
  /** only obligations that apply from before this day (YYYY-MM-DD) */
  appliesBefore: IsoDate.optional(),
  /** `true`: only open or in-progress obligations past their due date */
  overdue: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type OrgObligationQueryInput = z.input<typeof OrgObligationQuery>;

export const OrgObligationView = SystemObligationView.extend({ aiSystemName: z.string() });
export type OrgObligationView = z.infer<typeof OrgObligationView>;

const ObligationCountsView = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
  met: z.number().int(),
});

export const OrgObligationList = z.object({
  /** sorted by appliesFrom, system name, article; at most `limit` */
  items: z.array(OrgObligationView),
  /** more rows matched than `limit` */
  truncated: z.boolean(),
  /** counts over every matching row (not only the returned ones) */
  counts: ObligationCountsView,
  /** the UTC day overdue is computed against */
  today: IsoDate,
});
export type OrgObligationList = z.infer<typeof OrgObligationList>;
