import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users, organizations, ts, id, tenant } from "./base";

/**
 * The lifecycle stages in lifecycle order (as in core's `lifecycleStages`; a test keeps them equal). Sorting by
 * stage means this order, not the alphabet, and the index below is on this very expression.
 */
export const lifecycleStageOrder = [
  "idea",
  "design",
  "development",
  "validation",
  "deployed",
  "monitoring",
  "retired",
] as const;
export const lifecycleRank = (column: AnyPgColumn | SQL) =>
  sql`array_position(array[${sql.raw(lifecycleStageOrder.map((s) => `'${s}'`).join(","))}]::text[], ${column})`;

export const aiSystems = pgTable(
  "ai_systems",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id),
    businessUnit: text("business_unit").notNull().default(""),
    lifecycleStage: text("lifecycle_stage").notNull().default("idea"),
    aiType: text("ai_type").notNull().default("ml"),
    aiRoles: jsonb("ai_roles").$type<string[]>().notNull().default([]),
    deploymentContext: text("deployment_context").notNull().default(""),
    geographies: jsonb("geographies").$type<string[]>().notNull().default([]),
    affectedStakeholders: jsonb("affected_stakeholders").$type<string[]>().notNull().default([]),
    humanOversight: text("human_oversight").notNull().default(""),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
    /**
     * What the list's `q` searches, lower-cased once on write: a LIKE over this is ~15× cheaper than ILIKE over
     * four columns. chr(31) (unit separator) keeps a match from spanning two fields.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(name || chr(31) || purpose || chr(31) || description || chr(31) || business_unit)`,
    ),
  },
  (t) => [
    // Names sort case-insensitively; the list's keyset compares exactly this expression.
    index("ai_systems_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
    index("ai_systems_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
    index("ai_systems_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("ai_systems_org_stage_idx").on(t.orgId, lifecycleRank(t.lifecycleStage), t.id),
    index("ai_systems_org_owner_idx").on(t.orgId, t.ownerId),
    // lets the list's total for live (or archived) systems be an index-only count
    index("ai_systems_org_archived_idx").on(t.orgId, t.archivedAt),
  ],
);

// ─── AI system totals (helper "perf") ───────────────────────────────────────────────────────────────────────────

/**
 * How many AI systems each org has, live and archived, so the list's unfiltered `total` is one row read instead of
 * a count over every system. Kept exact by statement-level triggers on ai_systems (migration
 * 0015_ai_system_counts_triggers) in the writing transaction itself, whichever code path writes — create,
 * archive, restore, import, a bulk insert. An org with no row has no systems.
 */
export const aiSystemCounts = pgTable("ai_system_counts", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  live: integer("live").notNull().default(0),
  archived: integer("archived").notNull().default(0),
});

/* ---------- EU AI Act: stored classifications and tracked obligations per AI system (issue 4 §2) ---------- */

/** One classification of an AI system: immutable; a new answer set (or rule data) is a new number. */
export const aiSystemClassifications = pgTable(
  "ai_system_classifications",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    aiSystemId: uuid("ai_system_id")
      .notNull()
      .references(() => aiSystems.id),
    number: integer("number").notNull(),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    ruleDataId: text("rule_data_id").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ai_system_classifications_system_number_uq").on(t.orgId, t.aiSystemId, t.number)],
);

/** The EU AI Act obligations an AI system owes, synced from its current classification; retired rows are kept. */
export const aiSystemObligations = pgTable(
  "ai_system_obligations",
  {
    id: id(),
    ...tenant(),
    aiSystemId: uuid("ai_system_id")
      .notNull()
      .references(() => aiSystems.id),
    obligationId: text("obligation_id").notNull(),
    role: text("role").notNull(),
    article: text("article").notNull(),
    title: text("title").notNull(),
    appliesFrom: date("applies_from", { mode: "string" }).notNull(),
    basis: text("basis").notNull().default(""),
    status: text("status").notNull().default("open"),
    applicable: boolean("applicable").notNull().default(true),
    ownerId: uuid("owner_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    notes: text("notes").notNull().default(""),
  },
  (t) => [uniqueIndex("ai_system_obligations_key_uq").on(t.orgId, t.aiSystemId, t.obligationId, t.role)],
);
