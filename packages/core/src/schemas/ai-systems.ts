import { z } from "zod";
import { aiRoles, aiTypes, lifecycleStages } from "../ai-systems/vocabulary";
import {
  Abilities,
  LongText,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  Name,
  Page,
  QueryText,
  Uuid,
  Version,
} from "./common";

const Label = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` });
const Labels = (max: number, each: number) =>
  z
    .array(Label(each))
    .max(max, { message: `must have at most ${max} entries` })
    .transform((xs) => [...new Set(xs)]);

export const LifecycleStageSchema = z.enum(lifecycleStages);
export const AiTypeSchema = z.enum(aiTypes);
export const AiRoleSchema = z.enum(aiRoles);

/** The editable fields of an AI system, with the validation that server, CLI and forms share. */
const fieldShape = {
  name: Name(200),
  purpose: LongText(4000),
  description: LongText(20_000),
  ownerId: Uuid.nullable(),
  businessUnit: LongText(200),
  lifecycleStage: LifecycleStageSchema,
  aiType: AiTypeSchema,
  aiRoles: z
    .array(AiRoleSchema)
    .max(aiRoles.length)
    .transform((xs) => [...new Set(xs)]),
  deploymentContext: LongText(4000),
  geographies: Labels(100, 100),
  affectedStakeholders: Labels(100, 200),
  humanOversight: LongText(4000),
  tags: Labels(50, 50),
};
export const AiSystemFields = z.strictObject(fieldShape);
export type AiSystemFields = z.infer<typeof AiSystemFields>;
export const aiSystemFieldNames = Object.keys(fieldShape) as (keyof AiSystemFields)[];

export const CreateAiSystemInput = z.strictObject({
  ...fieldShape,
  purpose: fieldShape.purpose.default(""),
  description: fieldShape.description.default(""),
  ownerId: fieldShape.ownerId.default(null),
  businessUnit: fieldShape.businessUnit.default(""),
  lifecycleStage: fieldShape.lifecycleStage.default("idea"),
  aiType: fieldShape.aiType.default("ml"),
  aiRoles: fieldShape.aiRoles.default([]),
  deploymentContext: fieldShape.deploymentContext.default(""),
  geographies: fieldShape.geographies.default([]),
  affectedStakeholders: fieldShape.affectedStakeholders.default([]),
  humanOversight: fieldShape.humanOversight.default(""),
  tags: fieldShape.tags.default([]),
});
export type CreateAiSystemInput = z.input<typeof CreateAiSystemInput>;

/** A partial update: only the fields sent change; `version` guards against stale writes. */
export const UpdateAiSystemInput = AiSystemFields.partial().extend({ version: Version });
export type UpdateAiSystemInput = z.input<typeof UpdateAiSystemInput>;

export const ArchiveInput = z.strictObject({ version: Version });

export const aiSystemSortKeys = [
  "name",
  "-name",
  "updatedAt",
  "-updatedAt",
  "createdAt",
  "-createdAt",
  "lifecycleStage",
  "-lifecycleStage",
] as const;

/** The filters shared by the list and the CSV export. */
const filterShape = {
  q: QueryText(200).optional(),
  lifecycleStage: LifecycleStageSchema.optional(),
  aiType: AiTypeSchema.optional(),
  ownerId: Uuid.optional(),
  tag: QueryText(50).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  sort: z.enum(aiSystemSortKeys).default("name"),
};
export const AiSystemListQuery = z.strictObject({
  ...filterShape,
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type AiSystemListQuery = z.infer<typeof AiSystemListQuery>;
export type AiSystemListQueryInput = z.input<typeof AiSystemListQuery>;
export const AiSystemExportQuery = z.strictObject(filterShape);
export type AiSystemExportQuery = z.infer<typeof AiSystemExportQuery>;
export type AiSystemFilter = Omit<AiSystemExportQuery, "sort">;

export const importModes = ["all_or_nothing", "skip_invalid"] as const;
export const ImportAiSystemsQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  mode: z.enum(importModes).default("all_or_nothing"),
});
export type ImportAiSystemsQuery = z.infer<typeof ImportAiSystemsQuery>;
/** More rows than this in one file is refused (413): split the file. */
export const MAX_IMPORT_ROWS = 10_000;

export const ImportRowError = z.object({
  line: z.number().int(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
/**
 * The outcome of an import. `applied` is true when changes were stored. A dry run and a `skip_invalid` import
 * answer 200 with it; an `all_or_nothing` import with invalid rows stores nothing and answers 400
 * `invalid_input` with this report as `details`.
 */
export const AiSystemImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  mode: z.enum(importModes),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(ImportRowError),
});
export type AiSystemImportReport = z.infer<typeof AiSystemImportReport>;

export const AiSystemView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  purpose: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  businessUnit: z.string(),
  lifecycleStage: LifecycleStageSchema,
  aiType: AiTypeSchema,
  aiRoles: z.array(AiRoleSchema),
  deploymentContext: z.string(),
  geographies: z.array(z.string()),
  affectedStakeholders: z.array(z.string()),
  humanOversight: z.string(),
  tags: z.array(z.string()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: z.record(z.string(), z.boolean()),
});
export type AiSystemView = z.infer<typeof AiSystemView>;

/** A page of AI systems, with what the caller may do on the register as a whole (create, import). */
export const AiSystemPage = Page(AiSystemView).extend({ total: z.number().int(), abilities: Abilities });
export type AiSystemPage = z.infer<typeof AiSystemPage>;
