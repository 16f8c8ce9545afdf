import { z } from "zod";
import { aiRoles, aiTypes, lifecycleStages } from "../ai-systems/vocabulary";
import { LongText, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, Name, Uuid, Version } from "./common";

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
export const AiSystemListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  lifecycleStage: LifecycleStageSchema.optional(),
  aiType: AiTypeSchema.optional(),
  ownerId: Uuid.optional(),
  tag: z.string().trim().max(50).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  sort: z.enum(aiSystemSortKeys).default("name"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type AiSystemListQuery = z.infer<typeof AiSystemListQuery>;

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
