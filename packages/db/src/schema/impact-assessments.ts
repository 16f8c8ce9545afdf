import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, organizations, ts, id, tenant } from "./base";
import { aiSystems } from "./ai-systems";

// ─── Impact assessments (helper "impact-assessments", issue 4 §3; ISO/IEC 42001 6.1.4, 8.4, A.5) ─────────────
/**
 * One impact assessment of one AI system (`variant` `standard`, or `fria` for the EU AI Act Art. 27 fundamental
 * rights impact assessment). `content` is the working text (JSON shaped by core `ImpactAssessmentContent`); it may
 * change only while `status = 'draft'`. Every submission and approval freezes a copy into
 * `impact_assessment_versions`.
 * - `status`: draft → in_review → approved (four-eyes) → draft again via "revise"; archived at any time;
 * - `author_id` / `editor_ids`: who started the current revision and who else changed it: none may approve it;
 * - `approved_version`: the number of the version row in force (null until the first approval); a later approval
 *   supersedes it, so "superseded" is derived, never stored;
 * - `reviewed_at`, `baseline_system_version`: when the assessment was last approved or confirmed as reviewed, and
 *   the AI system's `version` then; the task generator asks for a review when the system changed since, when an
 *   incident involving the system was reported since, or when `next_review_date` comes near.
 */
export const impactAssessments = pgTable(
  "impact_assessments",
  {
    id: id(),
    ...tenant(),
    aiSystemId: uuid("ai_system_id")
      .notNull()
      .references(() => aiSystems.id),
    title: text("title").notNull(),
    variant: text("variant").notNull().default("standard"),
    templateId: text("template_id").notNull(),
    status: text("status").notNull().default("draft"),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    revision: integer("revision").notNull().default(1),
    authorId: uuid("author_id").references(() => users.id),
    editorIds: jsonb("editor_ids").$type<string[]>().notNull().default([]),
    ownerId: uuid("owner_id").references(() => users.id),
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    nextReviewDate: date("next_review_date", { mode: "string" }),
    approvedVersion: integer("approved_version"),
    approvedAt: ts("approved_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    reviewedAt: ts("reviewed_at"),
    baselineSystemVersion: integer("baseline_system_version"),
    reviewComment: text("review_comment").notNull().default(""),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    index("impact_assessments_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("impact_assessments_org_system_idx").on(t.orgId, t.aiSystemId),
    index("impact_assessments_org_status_idx").on(t.orgId, t.status),
    index("impact_assessments_org_review_idx").on(t.orgId, t.nextReviewDate),
  ],
);

/**
 * Frozen copies of an assessment, numbered 1, 2 … per assessment: `kind` `submitted` (sent for review) or
 * `approved` (signed off; `created_by` is the approver). Rows are never updated or deleted (trigger).
 * `system_version` is the AI system's `version` at the freeze.
 */
export const impactAssessmentVersions = pgTable(
  "impact_assessment_versions",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => impactAssessments.id),
    number: integer("number").notNull(),
    kind: text("kind").notNull(),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    variant: text("variant").notNull(),
    templateId: text("template_id").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    authorId: uuid("author_id").references(() => users.id),
    editorIds: jsonb("editor_ids").$type<string[]>().notNull().default([]),
    systemVersion: integer("system_version").notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("impact_assessment_versions_number_key").on(t.orgId, t.assessmentId, t.number)],
);

/**
 * The record of notifying the market-surveillance authority of a FRIA's results (EU AI Act Art. 27(3)):
 * append-only (trigger), one row per notification, naming the approved version notified.
 */
export const impactAssessmentNotifications = pgTable(
  "impact_assessment_notifications",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => impactAssessments.id),
    versionNumber: integer("version_number").notNull(),
    notifiedOn: date("notified_on", { mode: "string" }).notNull(),
    authority: text("authority").notNull(),
    reference: text("reference").notNull().default(""),
    note: text("note").notNull().default(""),
    loggedBy: uuid("logged_by").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("impact_assessment_notifications_idx").on(t.orgId, t.assessmentId, t.notifiedOn)],
);
