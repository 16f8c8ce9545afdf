import { z } from "zod";
import { evidenceFreshnessValues, evidenceKinds, evidenceSources } from "../evidence/evidence";
import { LinkTarget, LinkView, linkTargetTypes } from "../shared/links";
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

/** Evidence links point only at web pages: no `javascript:`, `data:` or `file:` URLs. */
export const EvidenceUrl = z
  .string()
  .trim()
  .max(2000, { message: "must be at most 2000 characters" })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: "must be an http:// or https:// URL" },
  );

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const EvidenceDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD" })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "must be a date that exists",
    },
  );

/**
 * When the evidence was collected: a date (`YYYY-MM-DD`, taken as midnight UTC) or an ISO date-time, normalized to
 * an ISO date-time string (so validating twice gives the same value).
 */
export const EvidenceCollectedAt = z
  .string()
  .trim()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) &&
      !Number.isNaN(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s)),
    { message: "must be a date YYYY-MM-DD or an ISO date-time" },
  )
  .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s).toISOString());

export const EvidenceKindSchema = z.enum(evidenceKinds);
export const EvidenceSourceSchema = z.enum(evidenceSources);
export const EvidenceFreshnessSchema = z.enum(evidenceFreshnessValues);

const Links = z.array(LinkTarget).max(200, { message: "must have at most 200 entries" });

/** A link item, sent as JSON. Files are uploaded with `POST …/evidence/upload` instead. */
export const CreateEvidenceLinkInput = z.strictObject({
  kind: z.literal("link"),
  title: Name(300),
  description: LongText(10_000).default(""),
  url: EvidenceUrl,
  collectedAt: EvidenceCollectedAt.optional(),
  validUntil: EvidenceDay.nullable().default(null),
  links: Links.default([]),
});
export type CreateEvidenceLinkInput = z.input<typeof CreateEvidenceLinkInput>;

/** `type:id`, e.g. `framework_node:A.6.2.4` or `ai_system:<uuid>`; the id may itself contain colons. */
export function parseLinkArg(arg: string): LinkTarget | null {
  const at = arg.indexOf(":");
  if (at <= 0) return null;
  const parsed = LinkTarget.safeParse({ type: arg.slice(0, at), id: arg.slice(at + 1) });
  return parsed.success ? parsed.data : null;
}

const LinkArgs = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(
        z.string().refine((s) => parseLinkArg(s) !== null, {
          message: `must be type:id with type one of ${linkTargetTypes.join(", ")}`,
        }),
      )
      .max(200),
  )
  .transform((xs) => xs.map((s) => parseLinkArg(s)!));

/**
 * The metadata of a file upload, as query parameters (the body is the file itself, sent as
 * `application/octet-stream`). `title` defaults to the file name; `link` repeats, one `type:id` each.
 */
export const UploadEvidenceQuery = z.strictObject({
  title: Name(300).optional(),
  description: LongText(4000).default(""),
  filename: Name(255)
    .refine((s) => !/[\\/\u0000-\u001f]/.test(s), { message: "must be a file name without a path" })
    .optional(),
  collectedAt: EvidenceCollectedAt.optional(),
  validUntil: EvidenceDay.optional(),
  link: LinkArgs.optional(),
});
export type UploadEvidenceQueryInput = z.input<typeof UploadEvidenceQuery>;
export type UploadEvidenceQuery = z.output<typeof UploadEvidenceQuery>;

export const UpdateEvidenceInput = z.strictObject({
  title: Name(300).optional(),
  description: LongText(10_000).optional(),
  url: EvidenceUrl.optional(),
  collectedAt: EvidenceCollectedAt.optional(),
  validUntil: EvidenceDay.nullable().optional(),
  version: Version,
});
export type UpdateEvidenceInput = z.input<typeof UpdateEvidenceInput>;

export const SetEvidenceLinksInput = z.strictObject({ links: Links, version: Version });
export type SetEvidenceLinksInput = z.input<typeof SetEvidenceLinksInput>;

export const EvidenceListQuery = z.strictObject({
  q: QueryText(200).optional(),
  kind: EvidenceKindSchema.optional(),
  freshness: EvidenceFreshnessSchema.optional(),
  /** linked to this framework node: `A.6.2.4` (ISO/IEC 42001) or `frameworkId:nodeId` */
  frameworkNode: z.string().trim().min(1).max(200).optional(),
  aiSystemId: Uuid.optional(),
  appliedControlId: Uuid.optional(),
  documentId: Uuid.optional(),
  soaEntryId: Uuid.optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type EvidenceListQueryInput = z.input<typeof EvidenceListQuery>;
export type EvidenceListQuery = z.output<typeof EvidenceListQuery>;

export const EvidenceFileView = z.object({
  sha256: z.string(),
  size: z.number().int(),
  /** sniffed from the content, not taken from the client */
  mediaType: z.string(),
  filename: z.string().nullable(),
});

export const EvidenceView = z.object({
  id: Uuid,
  orgId: Uuid,
  kind: EvidenceKindSchema,
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  file: EvidenceFileView.nullable(),
  collectedAt: z.string(),
  validUntil: z.string().nullable(),
  freshness: EvidenceFreshnessSchema,
  source: EvidenceSourceSchema,
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  links: z.array(LinkView),
  abilities: Abilities,
});
export type EvidenceView = z.infer<typeof EvidenceView>;

/** One item with the approved SoA versions that froze a reference to it (then it can only be archived). */
export const EvidenceDetailView = EvidenceView.extend({ approvedSoaVersions: z.array(z.number().int()) });
export type EvidenceDetailView = z.infer<typeof EvidenceDetailView>;

export const EvidencePage = Page(EvidenceView).extend({ total: z.number().int(), abilities: Abilities });
export type EvidencePage = z.infer<typeof EvidencePage>;
