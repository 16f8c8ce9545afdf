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

const Q = LongText(5000).optional();

/**
 * The datasheet question groups (Gebru et al., "Datasheets for Datasets", 2021), each a set of optional
 * plain-text answers. Field names are ours; see docs/inventory.md.
 */
export const Datasheet = z.strictObject({
  motivation: z.strictObject({ purpose: Q, creators: Q, funding: Q }).optional(),
  composition: z
    .strictObject({
      instances: Q,
      counts: Q,
      sampling: Q,
      labels: Q,
      missingInformation: Q,
      recommendedSplits: Q,
      errorsAndNoise: Q,
      externalDependencies: Q,
      confidentialData: Q,
      offensiveContent: Q,
      subpopulations: Q,
      identifiability: Q,
      sensitiveData: Q,
    })
    .optional(),
  collection: z
    .strictObject({
      mechanisms: Q,
      samplingStrategy: Q,
      collectors: Q,
      timeframe: Q,
      ethicalReview: Q,
      notificationAndConsent: Q,
      impactAnalysis: Q,
    })
    .optional(),
  preprocessing: z.strictObject({ whatWasDone: Q, rawDataKept: Q, software: Q }).optional(),
  uses: z.strictObject({ pastUses: Q, otherTasks: Q, risks: Q, notFor: Q }).optional(),
  distribution: z.strictObject({ recipients: Q, how: Q, when: Q, terms: Q, restrictions: Q }).optional(),
  maintenance: z
    .strictObject({
      maintainer: Q,
      contact: Q,
      erratum: Q,
      updatePolicy: Q,
      retentionLimits: Q,
      versioning: Q,
    })
    .optional(),
});
export type Datasheet = z.infer<typeof Datasheet>;

const fieldShape = {
  name: Name(200),
  description: LongText(10_000),
  /** where the data comes from, in words */
  source: LongText(1000),
  /** the provenance chain, oldest step first: "collected by X", "licensed to Y", "cleaned by Z" */
  provenance: z
    .array(LongText(1000).pipe(z.string().min(1, { message: "must not be empty" })))
    .max(50, { message: "must have at most 50 steps" }),
  collectionMethod: LongText(5000),
  /** the terms on which the data was acquired */
  acquisitionTerms: LongText(5000),
  licence: LongText(200),
  personalData: z.boolean({ message: "must be true or false" }),
  /** special categories of personal data (e.g. health, ethnicity, biometrics) */
  specialCategories: z.boolean({ message: "must be true or false" }),
  preparationSteps: LongText(10_000),
  qualityChecks: LongText(10_000),
  qualityResults: LongText(10_000),
  representativeness: LongText(10_000),
  knownGaps: LongText(10_000),
  retention: LongText(2000),
  datasheet: Datasheet,
};
export const DatasetFields = z.strictObject(fieldShape);
export type DatasetFields = z.infer<typeof DatasetFields>;
export const datasetFieldNames = Object.keys(fieldShape) as (keyof DatasetFields)[];

/** What a dataset links to: the AI systems and models that use it. */
export const DatasetLinkTarget = z.strictObject({ type: z.enum(["ai_system", "ai_model"]), id: Uuid });
const Links = z.array(DatasetLinkTarget).max(100, { message: "must have at most 100 links" });

export const CreateDatasetInput = z.strictObject({
  name: fieldShape.name,
  description: fieldShape.description.default(""),
  source: fieldShape.source.default(""),
  provenance: fieldShape.provenance.default([]),
  collectionMethod: fieldShape.collectionMethod.default(""),
  acquisitionTerms: fieldShape.acquisitionTerms.default(""),
  licence: fieldShape.licence.default(""),
  personalData: fieldShape.personalData.default(false),
  specialCategories: fieldShape.specialCategories.default(false),
  preparationSteps: fieldShape.preparationSteps.default(""),
  qualityChecks: fieldShape.qualityChecks.default(""),
  qualityResults: fieldShape.qualityResults.default(""),
  representativeness: fieldShape.representativeness.default(""),
  knownGaps: fieldShape.knownGaps.default(""),
  retention: fieldShape.retention.default(""),
  datasheet: fieldShape.datasheet.default({}),
  links: Links.default([]),
});
export type CreateDatasetInput = z.input<typeof CreateDatasetInput>;

export const UpdateDatasetInput = DatasetFields.partial().extend({
  links: Links.optional(),
  version: Version,
});
export type UpdateDatasetInput = z.input<typeof UpdateDatasetInput>;

export const DatasetListQuery = z.strictObject({
  q: QueryText(200).optional(),
  specialCategories: z.enum(["true", "false"]).optional(),
  archived: z.enum(["false", "true", "all"]).default("false"),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
});
export type DatasetListQueryInput = z.input<typeof DatasetListQuery>;

export const DatasetSummaryView = z.object({
  id: Uuid,
  orgId: Uuid,
  name: z.string(),
  source: z.string(),
  licence: z.string(),
  personalData: z.boolean(),
  specialCategories: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: Abilities,
});
export type DatasetSummaryView = z.infer<typeof DatasetSummaryView>;

export const DatasetView = DatasetSummaryView.extend({
  description: z.string(),
  provenance: z.array(z.string()),
  collectionMethod: z.string(),
  acquisitionTerms: z.string(),
  preparationSteps: z.string(),
  qualityChecks: z.string(),
  qualityResults: z.string(),
  representativeness: z.string(),
  knownGaps: z.string(),
  retention: z.string(),
  datasheet: Datasheet,
  /** the AI systems and models that use this dataset, labelled */
  links: z.array(LinkView),
});
export type DatasetView = z.infer<typeof DatasetView>;

export const DatasetPage = Page(DatasetSummaryView).extend({ abilities: Abilities });
export type DatasetPage = z.infer<typeof DatasetPage>;
