import { z } from "zod";
import { LinkTarget, LinkView } from "../shared/links";
import { documentKinds, versionStatuses } from "../documents/workflow";
import { reviewStatuses } from "../documents/review-cycle";
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

export const DocumentKindSchema = z.enum(documentKinds);
export const VersionStatusSchema = z.enum(versionStatuses);
export const ReviewStatusSchema = z.enum(reviewStatuses);

/** A document body: Markdown, up to 200,000 characters (a long procedure is a few tens of thousands). */
export const DocumentBody = z.string().max(200_000, { message: "must be at most 200000 characters" });
export const ReviewIntervalMonths = z
  .number()
  .int({ message: "must be a whole number of months" })
  .min(1, { message: "must be at least 1 month" })
  .max(60, { message: "must be at most 60 months" });
const Links = z.array(LinkTarget).max(200, { message: "must have at most 200 links" });

/** The metadata a document carries besides its versions' text. */
const metadataShape = {
  title: Name(200),
  kind: DocumentKindSchema,
  ownerId: Uuid.nullable(),
  reviewIntervalMonths: ReviewIntervalMonths,
};
export const documentFieldNames = Object.keys(metadataShape) as (keyof typeof metadataShape)[];
export const DocumentFields = z.strictObject(metadataShape);
export type DocumentFields = z.infer<typeof DocumentFields>;

/** A new document with its first version as a draft. `ownerId` defaults to the caller. */
export const CreateDocumentInput = z.strictObject({
  title: metadataShape.title,
  kind: metadataShape.kind,
  ownerId: metadataShape.ownerId.optional(),
  reviewIntervalMonths: metadataShape.reviewIntervalMonths.default(12),
  body: DocumentBody.default(""),
  changeSummary: LongText(2000).default(""),
  links: Links.default([]),
});
export type CreateDocumentInput = z.input<typeof CreateDocumentInput>;

export const CreateDocumentFromTemplateInput = z.strictObject({
  templateKey: z.string().min(1).max(100),
  /** defaults to the template's title */
  title: metadataShape.title.optional(),
  ownerId: metadataShape.ownerId.optional(),
});
export type CreateDocumentFromTemplateInput = z.input<typeof CreateDocumentFromTemplateInput>;

/** Metadata changes; `links`, when sent, replaces the document's links. */
export const UpdateDocumentInput = z.strictObject({
  ...DocumentFields.partial().shape,
  links: Links.optional(),
  version: Version,
});
export type UpdateDocumentInput = z.input<typeof UpdateDocumentInput>;

/** Changes to the open draft's text. */
export const EditDraftInput = z.strictObject({
  body: DocumentBody.optional(),
  changeSummary: LongText(2000).optional(),
  version: Version,
});
export type EditDraftInput = z.input<typeof EditDraftInput>;

/** Submit, approve, publish, retire, new draft: the document `version` you read, and an optional note. */
export const DocumentActionInput = z.strictObject({
  version: Version,
  comment: LongText(2000).optional(),
});
export type DocumentActionInput = z.input<typeof DocumentActionInput>;

/** Sending a version back to draft says why. */
export const RejectDocumentInput = z.strictObject({
  version: Version,
  comment: LongText(2000).pipe(z.string().min(1, { message: "must say why the version is sent back" })),
});
export type RejectDocumentInput = z.input<typeof RejectDocumentInput>;

export const documentActionNames = [
  "submit",
  "approve",
  "reject",
  "publish",
  "retire",
  "new-draft",
  "mark-reviewed",
] as const;
export type DocumentActionName = (typeof documentActionNames)[number];

/**
 * `status` is the status of the latest version, plus `in_force` (a published version exists) — e.g. a policy
 * being revised is `draft` and `in_force` at once. `review` needs a version in force.
 */
export const documentStatusFilters = [
  "draft",
  "in_review",
  "approved",
  "published",
  "retired",
  "in_force",
] as const;
export const DocumentListQuery = z.strictObject({
  q: QueryText(200).optional(),
  kind: DocumentKindSchema.optional(),
  status: z.enum(documentStatusFilters).optional(),
  review: ReviewStatusSchema.optional(),
  ownerId: Uuid.optional(),
  templateKey: QueryText(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
export type DocumentListQueryInput = z.input<typeof DocumentListQuery>;

export const DocumentDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export type DocumentDiffQuery = z.infer<typeof DocumentDiffQuery>;

const Member = z.object({ id: z.string(), name: z.string() }).nullable();

export const DocumentVersionSummary = z.object({
  number: z.number().int(),
  status: VersionStatusSchema,
  changeSummary: z.string(),
  author: Member,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: Member,
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** why the version was last sent back to draft */
  reviewComment: z.string().nullable(),
});
export type DocumentVersionSummary = z.infer<typeof DocumentVersionSummary>;

export const DocumentVersionView = DocumentVersionSummary.extend({
  documentId: Uuid,
  body: z.string(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

export const DocumentSummaryView = z.object({
  id: Uuid,
  orgId: Uuid,
  title: z.string(),
  kind: DocumentKindSchema,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  templateKey: z.string().nullable(),
  reviewIntervalMonths: z.number().int(),
  /** the status of the latest version */
  status: VersionStatusSchema,
  latestVersion: z.number().int(),
  /** the number of the version in force, null when none is */
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  /** `YYYY-MM-DD` */
  nextReviewAt: z.string().nullable(),
  /** null while no version is in force */
  reviewStatus: ReviewStatusSchema.nullable(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DocumentSummaryView = z.infer<typeof DocumentSummaryView>;

export const DocumentView = DocumentSummaryView.extend({
  lastReviewedBy: Member,
  versions: z.array(DocumentVersionSummary),
  /** the version in force (published), with its text */
  current: DocumentVersionView.nullable(),
  /** the latest version with its text (the same as `current` when no newer version is open) */
  latest: DocumentVersionView,
  links: z.array(LinkView),
  abilities: Abilities,
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentPage = Page(DocumentSummaryView).extend({
  total: z.number().int(),
  abilities: Abilities,
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const DocumentDiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(
    z.object({
      op: z.enum(["equal", "add", "remove"]),
      text: z.string(),
      oldNumber: z.number().int().nullable(),
      newNumber: z.number().int().nullable(),
    }),
  ),
});
export type DocumentDiffView = z.infer<typeof DocumentDiffView>;

export const DocumentTemplateView = z.object({
  key: z.string(),
  title: z.string(),
  kind: DocumentKindSchema,
  summary: z.string(),
  reviewIntervalMonths: z.number().int(),
  links: z.array(LinkView),
  body: z.string(),
});
export type DocumentTemplateView = z.infer<typeof DocumentTemplateView>;
export const DocumentTemplateList = z.object({ items: z.array(DocumentTemplateView) });
export type DocumentTemplateList = z.infer<typeof DocumentTemplateList>;
