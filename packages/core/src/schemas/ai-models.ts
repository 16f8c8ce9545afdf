import { z } from "zod";
import { LinkView } from "../shared/links";
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

export const modelProviderKinds = ["in_house", "third_party"] as const;
export const ModelProviderKindSchema = z.enum(modelProviderKinds);

const CardText = LongText(5000).optional();

/**
 * The model-card sections (Mitchell et al., "Model Cards for Model Reporting", 2019), each a set of optional
 * plain-text answers. Field names are ours; see docs/inventory.md.
 */
export const ModelCard = z.strictObject({
  details: z
    .strictObject({
      developer: CardText,
      date: CardText,
      trainingAlgorithms: CardText,
      parameters: CardText,
      fairnessConstraints: CardText,
      features: CardText,
      paperOrResource: CardText,
      citation: CardText,
      contact: CardText,
    })
    .optional(),
  intendedUse: z
    .strictObject({ primaryUses: CardText, primaryUsers: CardText, outOfScopeUses: CardText })
    .optional(),
  factors: z.strictObject({ relevantFactors: CardText, evaluationFactors: CardText }).optional(),
  metrics: z
    .strictObject({
      performanceMeasures: CardText,
      decisionThresholds: CardText,
      variationApproaches: CardText,
    })
    .optional(),
  evaluationData: z
    .strictObject({ datasets: CardText, motivation: CardText, preprocessing: CardText })
    .optional(),
  trainingData: z.strictObject({ description: CardText }).optional(),
  quantitativeAnalyses: z
    .strictObject({ unitaryResults: CardText, intersectionalResults: CardText })
    .optional(),
  ethicalConsiderations: z
    .strictObject({
      data: CardText,
      humanLife: CardText,
      mitigations: CardText,
      risksAndHarms: CardText,
      useCases: CardText,
    })
    .optional(),
  caveatsAndRecommendations: z
    .strictObject({ furtherConcerns: CardText, testingGaps: CardText, recommendations: CardText })
    .optional(),
});
export type ModelCard = z.infer<typeof ModelCard>;

const Flop = z
  .number({ message: "must be a number" })
  .finite({ message: "must be a finite number" })
  .nonnegative({ message: "must not be negative" });

/** The editable fields of an AI model, validated the same way by server, CLI and forms. */
const fieldShape = {
  name: Name(200),
  modelVersion: LongText(100),
  /** e.g. "gradient-boosted trees", "large language model" */
  modelType: LongText(200),
  providerKind: ModelProviderKindSchema,
  /** who provides it, in words, until vendors are records */
  provider: LongText(200),
  /** the base or foundation model this one derives from */
  baseModel: LongText(200),
  /** a general-purpose AI model in the sense of the EU AI Act */
  gpai: z.boolean({ message: "must be true or false" }),
  /** estimated cumulative training compute in floating-point operations */
  trainingComputeFlop: Flop.nullable(),
  licence: LongText(200),
  intendedUse: LongText(10_000),
  limitations: LongText(10_000),
  evaluationSummary: LongText(10_000),
  modelCard: ModelCard,
};
export const AiModelFields = z.strictObject(fieldShape);
export type AiModelFields = z.infer<typeof AiModelFields>;
export const aiModelFieldNames = Object.keys(fieldShape) as (keyof AiModelFields)[];

/** What a model links to: the AI systems it is part of. */
export const ModelLinkTarget = z.strictObject({
  type: z.enum(["ai_system"]),
  id: Uuid,
});
const Links = z.array(ModelLinkTarget).max(100, { message: "must have at most 100 links" });

export const CreateAiModelInput = z.strictObject({
  ...fieldShape,
  modelVersion: fieldShape.modelVersion.default(""),
  modelType: fieldShape.modelType.default(""),
  providerKind: fieldShape.providerKind.default("in_house"),
  provider: fieldShape.provider.default(""),
  baseModel: fieldShape.baseModel.default(""),
  gpai: fieldShape.gpai.default(false),
  trainingComputeFlop: fieldShape.trainingComputeFlop.default(null),
  licence: fieldShape.licence.default(""),
  intendedUse: fieldShape.intendedUse.default(""),
  limitations: fieldShape.limitations.default(""),
  evaluationSummary: fieldShape.evaluationSummary.default(""),
  modelCard: fieldShape.modelCard.default({}),
  links: Links.default([]),
});
export type CreateAiModelInput = z.input<typeof CreateAiModelInput>;

/** Only the fields sent change; `links`, when sent, replaces the whole set. */
export const UpdateAiModelInput = AiModelFields.partial().extend({
  links: Links.optional(),
  version: Version,
});
export type UpdateAiModelInput = z.input<typeof UpdateAiModelInput>;

export const AiModelListQuery = z.strictObject({
  q: QueryText(200).optional(),
  gpai: z.enum(["true", "false"]).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type AiModelListQuery = z.infer<typeof AiModelListQuery>;
export type AiModelListQueryInput = z.input<typeof AiModelListQuery>;

export const AiModelSummaryView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  modelVersion: z.string(),
  modelType: z.string(),
  providerKind: ModelProviderKindSchema,
  provider: z.string(),
  baseModel: z.string(),
  gpai: z.boolean(),
  trainingComputeFlop: z.number().nullable(),
  licence: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type AiModelSummaryView = z.infer<typeof AiModelSummaryView>;

export const AiModelView = AiModelSummaryView.extend({
  intendedUse: z.string(),
  limitations: z.string(),
  evaluationSummary: z.string(),
  modelCard: ModelCard,
  /** the AI systems this model is part of, labelled */
  links: z.array(LinkView),
});
export type AiModelView = z.infer<typeof AiModelView>;

export const AiModelPage = Page(AiModelSummaryView).extend({ abilities: Abilities });
export type AiModelPage = z.infer<typeof AiModelPage>;

/** Why a system needs attention because of a component (computed on read, never stored). */
export const ComponentAttention = z.object({
  reason: z.enum([
    "gpai_model",
    "special_category_data",
    "vendor_high_risk",
    "vendor_review_overdue",
    "vendor_questionnaire_concerns",
  ]),
  componentType: z.enum(["ai_model", "dataset", "vendor"]),
  componentId: Uuid,
  label: z.string(),
  /** for vendor flags: the rating, the review date that passed, or the number of concerns */
  detail: z.string().optional(),
});
export type ComponentAttention = z.infer<typeof ComponentAttention>;

/** The components of one AI system and the flags they pass on to it. */
export const AiSystemComponentsView = z.object({
  systemId: Uuid,
  models: z.array(AiModelSummaryView),
  /** datasets linked to the system directly or through one of its models */
  datasets: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      personalData: z.boolean(),
      specialCategories: z.boolean(),
      archivedAt: z.string().nullable(),
      /** "system" when linked to the system itself, else the id of the model it reaches the system through */
      via: z.string(),
    }),
  ),
  attention: z.array(ComponentAttention),
});
export type AiSystemComponentsView = z.infer<typeof AiSystemComponentsView>;
