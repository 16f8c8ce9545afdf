import { bigint, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, id, tenant } from "./base";
import { aiSystems } from "./ai-systems";
import { evidence } from "./evidence";

// ─── Measurement policies and runs (issue 5 §3, helper "runs") ─────────────────────────────────────────────────
/**
 * A threshold an organization sets for one AI system's measurements (`rule`: core `MeasurementPolicyRule`,
 * e.g. `{ metric: "disparate_impact", attribute: "race", op: ">=", value: 0.8 }`). Checked against every run
 * recorded afterwards; a run keeps the outcome it had when recorded (changing a policy does not rewrite history).
 */
export const measurementPolicies = pgTable(
  "measurement_policies",
  {
    id: id(),
    ...tenant(),
    aiSystemId: uuid("ai_system_id")
      .notNull()
      .references(() => aiSystems.id),
    rule: jsonb("rule").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("measurement_policies_org_system_idx").on(t.orgId, t.aiSystemId, t.createdAt)],
);

/**
 * One stored measurement (fairness / performance / drift) of an AI system: what was measured (`input`: the input
 * summaries with SHA-256 and row counts; `sha256` / `rows_used` copied out for lookups), how (`parameters`,
 * `conventions`), the result (jsonb, validated by core's zod schema on the way in), and the policy outcome computed
 * server-side when it was recorded. `model_ref` / `dataset_ref` are free text until models and datasets are
 * records (issue 4). `evidence_id`: the evidence item the run became. Runs are immutable.
 */
export const measurementRuns = pgTable(
  "measurement_runs",
  {
    id: id(),
    ...tenant(),
    aiSystemId: uuid("ai_system_id")
      .notNull()
      .references(() => aiSystems.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    modelRef: text("model_ref"),
    datasetRef: text("dataset_ref"),
    sha256: text("sha256"),
    rowsUsed: bigint("rows_used", { mode: "number" }),
    input: jsonb("input").notNull(),
    parameters: jsonb("parameters").notNull(),
    conventions: jsonb("conventions").notNull(),
    result: jsonb("result").notNull(),
    policyStatus: text("policy_status").notNull(),
    policyOutcome: jsonb("policy_outcome").notNull(),
    evidenceId: uuid("evidence_id").references(() => evidence.id),
    source: text("source").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("measurement_runs_org_system_created_idx").on(t.orgId, t.aiSystemId, t.createdAt, t.id)],
);
