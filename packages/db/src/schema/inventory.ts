import { boolean, date, doublePrecision, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

// ─── AI system components: models (helper "components", issue 4 §1) ──────────────────────────────────────────────
/**
 * AI models (a component of AI systems): identity (`name`, `version`, `model_type`), who provides it
 * (`provider_kind` in_house | third_party, `provider` as free text until vendors exist), the base/foundation model,
 * the GPAI flag and the estimated cumulative training compute in FLOP, the licence, intended use and limitations,
 * an evaluation summary and the model-card sections (`model_card`, jsonb validated by core `ModelCard`). A model
 * links to the AI systems (and later datasets) it is part of through `record_links` with `source_type = ai_model`.
 */
export const aiModels = pgTable(
  "ai_models",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    modelVersion: text("model_version").notNull().default(""),
    modelType: text("model_type").notNull().default(""),
    providerKind: text("provider_kind").notNull().default("in_house"),
    provider: text("provider").notNull().default(""),
    baseModel: text("base_model").notNull().default(""),
    gpai: boolean("gpai").notNull().default(false),
    trainingComputeFlop: doublePrecision("training_compute_flop"),
    licence: text("licence").notNull().default(""),
    intendedUse: text("intended_use").notNull().default(""),
    limitations: text("limitations").notNull().default(""),
    evaluationSummary: text("evaluation_summary").notNull().default(""),
    modelCard: jsonb("model_card").notNull().default({}),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("ai_models_org_name_idx").on(t.orgId, t.name, t.id)],
);

// ─── AI system components: datasets (helper "components", issue 4 §1, A.7) ──────────────────────────────────────
/**
 * Datasets used to train, evaluate or run AI systems (ISO/IEC 42001 A.7): where the data comes from (`source`,
 * `provenance` as an ordered list of steps), how it was collected and on what terms, whether it holds personal data
 * and special categories of it, preparation, quality checks and their results, representativeness, known gaps,
 * retention, and the datasheet sections (`datasheet`, jsonb validated by core `Datasheet`). Links to AI systems and
 * models are `record_links` rows with `source_type = dataset`.
 */
export const datasets = pgTable(
  "datasets",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source").notNull().default(""),
    provenance: jsonb("provenance").$type<string[]>().notNull().default([]),
    collectionMethod: text("collection_method").notNull().default(""),
    acquisitionTerms: text("acquisition_terms").notNull().default(""),
    licence: text("licence").notNull().default(""),
    personalData: boolean("personal_data").notNull().default(false),
    specialCategories: boolean("special_categories").notNull().default(false),
    preparationSteps: text("preparation_steps").notNull().default(""),
    qualityChecks: text("quality_checks").notNull().default(""),
    qualityResults: text("quality_results").notNull().default(""),
    representativeness: text("representativeness").notNull().default(""),
    knownGaps: text("known_gaps").notNull().default(""),
    retention: text("retention").notNull().default(""),
    datasheet: jsonb("datasheet").notNull().default({}),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("datasets_org_name_idx").on(t.orgId, t.name, t.id)],
);

// ─── AI system components: vendors (helper "components", issue 4 §1, A.10) ───────────────────────────────────────
/**
 * Vendors and other third parties (ISO/IEC 42001 A.10): what they supply (`supplies`, and `record_links` with
 * `source_type = vendor` to the AI systems, models and datasets they provide), the contract and its dates, the next
 * review date, a risk rating, the allocation of responsibilities (A.10.2, jsonb list validated by core), and what the
 * organization owes its own customers (A.10.4). The due-diligence questionnaire: `vendor-questionnaires.ts`.
 */
export const vendors = pgTable(
  "vendors",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    supplies: text("supplies").notNull().default(""),
    contact: text("contact").notNull().default(""),
    contractReference: text("contract_reference").notNull().default(""),
    contractStart: date("contract_start", { mode: "string" }),
    contractEnd: date("contract_end", { mode: "string" }),
    reviewDate: date("review_date", { mode: "string" }),
    riskRating: text("risk_rating"),
    responsibilities: jsonb("responsibilities").notNull().default([]),
    customerObligations: text("customer_obligations").notNull().default(""),
    notes: text("notes").notNull().default(""),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("vendors_org_name_idx").on(t.orgId, t.name, t.id)],
);
