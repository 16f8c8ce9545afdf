import { boolean, date, doublePrecision, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";
import { aiSystems } from "./ai-systems";

// ─── Objectives and concerns (helper "objectives") ─────────────────────────────────────────────────────────────
/**
 * AI objectives (6.2): what is measured (`measure`, `unit`), the `target`, the `direction` (`increase`: the target
 * is a floor, "at least"; `decrease`: a ceiling, "at most"), an optional `baseline` on `start_date`, the
 * `due_date` (a calendar day, UTC) and the `owner_id`. Links to framework nodes (e.g. 6.2, 5.2) and AI systems are
 * `record_links` rows with `source_type = objective`. The status (not_started, on_track, at_risk, off_track,
 * achieved, missed) is derived at read time from the progress entries by core `evaluateObjective` and never
 * stored, because it depends on today. Readiness (6.2): live objectives (`archived_at IS NULL`) with a target, an
 * owner and a due date, each with a recent entry in `objective_progress` (`max(observed_at)`).
 */
export const objectives = pgTable(
  "objectives",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    measure: text("measure").notNull(),
    target: doublePrecision("target").notNull(),
    unit: text("unit").notNull().default(""),
    direction: text("direction").notNull().default("increase"),
    baseline: doublePrecision("baseline"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    ownerId: uuid("owner_id").references(() => users.id),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    index("objectives_org_due_idx").on(t.orgId, t.dueDate, t.id),
    index("objectives_org_owner_idx").on(t.orgId, t.ownerId),
  ],
);

/**
 * Progress entries of an objective: a measured `value` at `observed_at`, a note and where it came from (`source`:
 * manual, cli, api, measurement). Append-only: entries are added, never edited (the audit trail records each).
 */
export const objectiveProgress = pgTable(
  "objective_progress",
  {
    id: id(),
    ...tenant(),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => objectives.id),
    value: doublePrecision("value").notNull(),
    observedAt: ts("observed_at").notNull(),
    note: text("note").notNull().default(""),
    source: text("source").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [index("objective_progress_objective_idx").on(t.orgId, t.objectiveId, t.observedAt, t.id)],
);

/**
 * Reported concerns (A.3.3): confidential. Only members with `concern.manage` (owners, governance leads) read them
 * all; a reporter reads their own. When `anonymous` is true `reporter_id` is NULL: who reported it is not stored
 * anywhere (the audit event is written with the system as actor and no request id). Status: received →
 * investigating → resolved | dismissed (a closed one can be reopened); `response` is shown to the reporter.
 * Other areas must not copy subject, description or response into places others can read (audit payloads,
 * tasks, dashboards): count them by status at most.
 */
export const concerns = pgTable(
  "concerns",
  {
    id: id(),
    ...tenant(),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    category: text("category").notNull().default("other"),
    aiSystemId: uuid("ai_system_id").references(() => aiSystems.id),
    anonymous: boolean("anonymous").notNull().default(false),
    reporterId: uuid("reporter_id").references(() => users.id),
    status: text("status").notNull().default("received"),
    response: text("response").notNull().default(""),
    respondedAt: ts("responded_at"),
    respondedBy: uuid("responded_by").references(() => users.id),
  },
  (t) => [
    index("concerns_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("concerns_org_reporter_idx").on(t.orgId, t.reporterId, t.createdAt),
  ],
);
