import { z } from "zod";
import { LinkTarget, LinkView } from "../shared/links";
import {
  appliedControlCategories,
  appliedControlStatuses,
  implementationStatuses,
  soaVersionStatuses,
} from "../soa/vocabulary";
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

export const ImplementationStatusSchema = z.enum(implementationStatuses);
export const AppliedControlStatusSchema = z.enum(appliedControlStatuses);
export const AppliedControlCategorySchema = z.enum(appliedControlCategories);
export const SoaVersionStatusSchema = z.enum(soaVersionStatuses);

// ─── Applied controls ─────────────────────────────────────────────────────────────────────────────────────────

const appliedControlShape = {
  name: Name(200),
  description: LongText(20_000),
  ownerId: Uuid.nullable(),
  status: AppliedControlStatusSchema,
  category: AppliedControlCategorySchema,
  /** listed in the SoA as one of the organization's additional controls (beyond Annex A) */
  additional: z.boolean(),
  /** what it implements: framework nodes (`A.6.2.4` or `iso-iec-42001-2023:A.6.2.4`), systems, documents … */
  links: z.array(LinkTarget).max(200, { message: "must have at most 200 entries" }),
};
export const AppliedControlFields = z.strictObject(appliedControlShape);
export type AppliedControlFields = z.infer<typeof AppliedControlFields>;
export const appliedControlFieldNames = Object.keys(appliedControlShape).filter(
  (k) => k !== "links",
) as Exclude<keyof AppliedControlFields, "links">[];

export const CreateAppliedControlInput = z.strictObject({
  ...appliedControlShape,
  description: appliedControlShape.description.default(""),
  ownerId: appliedControlShape.ownerId.default(null),
  status: appliedControlShape.status.default("not_started"),
  category: appliedControlShape.category.default("other"),
  additional: appliedControlShape.additional.default(false),
  links: appliedControlShape.links.default([]),
});
export type CreateAppliedControlInput = z.input<typeof CreateAppliedControlInput>;

/** Only the fields sent change; `links`, when sent, replaces the whole set. */
export const UpdateAppliedControlInput = AppliedControlFields.partial().extend({ version: Version });
export type UpdateAppliedControlInput = z.input<typeof UpdateAppliedControlInput>;

export const AppliedControlListQuery = z.strictObject({
  q: QueryText(200).optional(),
  category: AppliedControlCategorySchema.optional(),
  additional: z.enum(["true", "false"]).optional(),
  /** applied controls linked to this framework node (`A.2.2` or `frameworkId:nodeId`) */
  node: z.string().trim().max(200).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type AppliedControlListQuery = z.input<typeof AppliedControlListQuery>;

export const AppliedControlView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: AppliedControlStatusSchema,
  category: AppliedControlCategorySchema,
  additional: z.boolean(),
  links: z.array(LinkView),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type AppliedControlView = z.infer<typeof AppliedControlView>;

export const AppliedControlPage = Page(AppliedControlView).extend({
  total: z.number().int(),
  abilities: Abilities,
});
export type AppliedControlPage = z.infer<typeof AppliedControlPage>;

// ─── Statement of Applicability ───────────────────────────────────────────────────────────────────────────────

const RefItem = z.object({ id: z.string(), label: z.string() });
export type SoaRefItem = z.infer<typeof RefItem>;
/** An evidence item with the date it stops being current (null: no expiry); archived evidence is left out. */
const EvidenceItem = RefItem.extend({ validUntil: z.string().nullable() });
export type SoaEvidenceItem = z.infer<typeof EvidenceItem>;

/**
 * One control as the SoA states it. This exact shape is frozen into every SoA version (`soa_versions.snapshot`
 * is `{ frameworkId, entries: SoaSnapshotEntry[] }`). Risks join here (a `risks` list) when the risk register lands.
 */
export const SoaSnapshotEntry = z.object({
  /** the Annex A id (`A.2.2`) or, for an additional control, the applied control's id */
  controlId: z.string(),
  kind: z.enum(["annex_a", "additional"]),
  title: z.string(),
  groupId: z.string(),
  groupTitle: z.string(),
  /** null while undecided */
  applicable: z.boolean().nullable(),
  justification: z.string(),
  implementationStatus: ImplementationStatusSchema,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  notes: z.string(),
  appliedControls: z.array(RefItem),
  evidence: z.array(EvidenceItem),
  documents: z.array(RefItem),
});
export type SoaSnapshotEntry = z.infer<typeof SoaSnapshotEntry>;

export const SoaEntryView = SoaSnapshotEntry.extend({
  /** null until the entry is first edited */
  entryId: z.string().nullable(),
  /** 0 until the entry is first edited; send it back with PATCH */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  abilities: Abilities,
});
export type SoaEntryView = z.infer<typeof SoaEntryView>;

export const SoaSummary = z.object({
  total: z.number().int(),
  applicable: z.number().int(),
  notApplicable: z.number().int(),
  undecided: z.number().int(),
  implemented: z.number().int(),
  /** applicable controls without a justification, an owner or evidence */
  gaps: z.number().int(),
});
export type SoaSummary = z.infer<typeof SoaSummary>;

export const SoaVersionSummary = z.object({
  id: Uuid,
  number: z.number().int(),
  status: SoaVersionStatusSchema,
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
  supersededAt: z.string().nullable(),
  version: z.number().int(),
  abilities: Abilities,
});
export type SoaVersionSummary = z.infer<typeof SoaVersionSummary>;

export const SoaView = z.object({
  frameworkId: z.string(),
  entries: z.array(SoaEntryView),
  summary: SoaSummary,
  /** the newest version, whatever its status, and the approved one in force */
  latestVersion: SoaVersionSummary.nullable(),
  approvedVersion: SoaVersionSummary.nullable(),
  abilities: Abilities,
});
export type SoaView = z.infer<typeof SoaView>;

/** 0 is the version of an entry nobody has edited yet. */
export const UpdateSoaEntryInput = z.strictObject({
  version: z.number().int().min(0),
  applicable: z.boolean().nullable().optional(),
  justification: LongText(4000).optional(),
  implementationStatus: ImplementationStatusSchema.optional(),
  ownerId: Uuid.nullable().optional(),
  notes: LongText(10_000).optional(),
  /** Annex A entries only: the applied controls that implement this control (replaces the set) */
  appliedControlIds: z
    .array(Uuid)
    .max(100, { message: "must have at most 100 entries" })
    .transform((xs) => [...new Set(xs)])
    .optional(),
});
export type UpdateSoaEntryInput = z.input<typeof UpdateSoaEntryInput>;

export const CreateSoaVersionInput = z.strictObject({ note: LongText(2000).default("") });
export type CreateSoaVersionInput = z.input<typeof CreateSoaVersionInput>;

export const DecideSoaVersionInput = z.strictObject({ version: Version, note: LongText(2000).default("") });
export type DecideSoaVersionInput = z.input<typeof DecideSoaVersionInput>;

export const SoaVersionView = SoaVersionSummary.extend({
  frameworkId: z.string(),
  entries: z.array(SoaSnapshotEntry),
  summary: SoaSummary,
});
export type SoaVersionView = z.infer<typeof SoaVersionView>;

export const SoaVersionPage = Page(SoaVersionSummary).extend({ abilities: Abilities });
export type SoaVersionPage = z.infer<typeof SoaVersionPage>;

export const soaDiffFields = [
  "applicable",
  "justification",
  "implementationStatus",
  "owner",
  "notes",
] as const;
export const soaDiffLinkKinds = ["appliedControls", "evidence", "documents"] as const;

export const SoaDiffControl = z.object({ controlId: z.string(), title: z.string() });
export const SoaControlChange = SoaDiffControl.extend({
  fields: z.array(
    z.object({
      field: z.enum(soaDiffFields),
      before: z.union([z.string(), z.boolean()]).nullable(),
      after: z.union([z.string(), z.boolean()]).nullable(),
    }),
  ),
  links: z.array(
    z.object({ kind: z.enum(soaDiffLinkKinds), added: z.array(RefItem), removed: z.array(RefItem) }),
  ),
});
export type SoaControlChange = z.infer<typeof SoaControlChange>;

/** What changed from version `from` to version `to`. */
export const SoaDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(SoaDiffControl),
  removed: z.array(SoaDiffControl),
  changed: z.array(SoaControlChange),
});
export type SoaDiff = z.infer<typeof SoaDiff>;

export const SoaDiffQuery = z.strictObject({ against: z.coerce.number().int().min(1) });

export const SoaExportQuery = z.strictObject({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  version: z.coerce.number().int().min(1).optional(),
});
export type SoaExportQuery = z.input<typeof SoaExportQuery>;
