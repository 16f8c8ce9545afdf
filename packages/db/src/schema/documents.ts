import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, organizations, ts, id, tenant } from "./base";

// ─── Documented information (7.5): documents and their versions (helper "documents") ───────────────────────────
/**
 * A controlled document (policy, procedure, record, plan, other). Its body lives in immutable
 * `document_versions`; this row carries the metadata and a denormalized summary that lists and readiness query:
 * - `status`: the status of the latest version (where the work is: draft, in_review, approved, published, retired);
 * - `published_version`: the number of the version in force (null until one is published, and after retirement);
 * - `next_review_at`: when the version in force is next due for review (last review or publication + interval);
 *   a document is "review overdue" when `next_review_at < current_date`;
 * - `template_key`: the starter template it was created from (e.g. `ai_policy`), null for blank documents.
 * Readiness reads e.g. "5.2 has a policy in force and within its review date" as
 * `template_key = 'ai_policy' AND published_version IS NOT NULL AND next_review_at >= current_date`.
 */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    ownerId: uuid("owner_id").references(() => users.id),
    templateKey: text("template_key"),
    reviewIntervalMonths: integer("review_interval_months").notNull().default(12),
    status: text("status").notNull().default("draft"),
    latestVersion: integer("latest_version").notNull().default(1),
    publishedVersion: integer("published_version"),
    publishedAt: ts("published_at"),
    lastReviewedAt: ts("last_reviewed_at"),
    lastReviewedBy: uuid("last_reviewed_by").references(() => users.id),
    nextReviewAt: date("next_review_at", { mode: "string" }),
    retiredAt: ts("retired_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    index("documents_org_title_idx").on(t.orgId, sql`lower(${t.title})`, t.id),
    index("documents_org_review_idx").on(t.orgId, t.nextReviewAt),
    index("documents_org_template_idx").on(t.orgId, t.templateKey),
  ],
);

/**
 * One version of a document: number 1, 2, 3 … per document. Only a `draft` version's body and change summary may
 * change (core enforces it; a trigger refuses it in the database too). Status: draft → in_review → approved →
 * published → superseded (a later version was published) or retired (the document was withdrawn).
 * `editor_ids` are the members who changed the draft besides its author: none of them may approve it.
 */
export const documentVersions = pgTable(
  "document_versions",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    number: integer("number").notNull(),
    status: text("status").notNull().default("draft"),
    body: text("body").notNull().default(""),
    changeSummary: text("change_summary").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id),
    editorIds: jsonb("editor_ids").$type<string[]>().notNull().default([]),
    submittedAt: ts("submitted_at"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    approvedAt: ts("approved_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    publishedAt: ts("published_at"),
    publishedBy: uuid("published_by").references(() => users.id),
    supersededAt: ts("superseded_at"),
    retiredAt: ts("retired_at"),
    reviewComment: text("review_comment"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("document_versions_number_key").on(t.orgId, t.documentId, t.number)],
);
