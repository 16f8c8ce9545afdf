import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

/* ───────────────────────── Scope & context (4.1–4.3) and responsibilities (5.3) ─────────────────────────
 * Owned by the scope/context feature (packages/app/src/context). Facts other areas (readiness, dashboard) read:
 * - 4.1: `context_issues` live rows (`archived_at IS NULL`); `kind` is 'internal' | 'external'; an issue is
 *   "reviewed within its review date" when `review_date >= current_date`. Ready when at least one internal and
 *   one external such issue exist.
 * - 4.2: `interested_parties` with their `interested_party_requirements`; `addressed` is 'yes' | 'partly' | 'no',
 *   NULL while undecided. Ready when a party has requirements and no requirement has `addressed IS NULL`.
 * - 4.1 note / A.10: `org_ai_roles` holds one row per AI role the organization plays (`role` from core `aiRoles`).
 * - 4.3: `scope_versions`, `status` 'draft' | 'in_review' | 'approved' | 'superseded'; at most one 'approved'
 *   (the scope in force) and at most one open ('draft' or 'in_review') per org. Ready when an approved row exists.
 * - 5.3: `raci_activities` × `raci_assignments` (`letter` 'R' | 'A' | 'C' | 'I'). Complete when every activity
 *   has exactly one 'A': `NOT EXISTS (SELECT 1 FROM raci_activities a WHERE a.org_id = $1 AND (SELECT count(*)
 *   FROM raci_assignments r WHERE r.activity_id = a.id AND r.letter = 'A') <> 1)` and at least one activity exists.
 */
export const contextIssues = pgTable(
  "context_issues",
  {
    id: id(),
    ...tenant(),
    kind: text("kind").notNull(),
    topic: text("topic").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    effect: text("effect").notNull().default(""),
    source: text("source").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id),
    reviewDate: date("review_date", { mode: "string" }),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("context_issues_org_idx").on(t.orgId, t.kind, t.reviewDate)],
);

export const interestedParties = pgTable(
  "interested_parties",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("interested_parties_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id)],
);

export const interestedPartyRequirements = pgTable(
  "interested_party_requirements",
  {
    id: id(),
    ...tenant(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => interestedParties.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** 'yes' | 'partly' | 'no'; NULL = not decided yet */
    addressed: text("addressed"),
    how: text("how").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("interested_party_requirements_party_idx").on(t.orgId, t.partyId, t.createdAt)],
);

export const orgAiRoles = pgTable(
  "org_ai_roles",
  {
    id: id(),
    ...tenant(),
    role: text("role").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("org_ai_roles_role_key").on(t.orgId, t.role)],
);

export const scopeVersions = pgTable(
  "scope_versions",
  {
    id: id(),
    ...tenant(),
    number: integer("number").notNull(),
    status: text("status").notNull().default("draft"),
    statement: text("statement").notNull().default(""),
    inclusions: jsonb("inclusions").$type<string[]>().notNull().default([]),
    exclusions: jsonb("exclusions").$type<{ item: string; justification: string }[]>().notNull().default([]),
    boundaries: text("boundaries").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id),
    lastEditedBy: uuid("last_edited_by").references(() => users.id),
    /** everyone who edited this version; none of them may approve it (four-eyes) */
    editorIds: jsonb("editor_ids").$type<string[]>().notNull().default([]),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedAt: ts("submitted_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: ts("approved_at"),
    supersededAt: ts("superseded_at"),
    /** the reviewer's note when a submission was sent back to draft */
    rejectionNote: text("rejection_note"),
  },
  (t) => [
    uniqueIndex("scope_versions_number_key").on(t.orgId, t.number),
    // the database itself keeps "one scope in force" and "one open draft" true under concurrent requests
    uniqueIndex("scope_versions_one_approved")
      .on(t.orgId)
      .where(sql`status = 'approved'`),
    uniqueIndex("scope_versions_one_open")
      .on(t.orgId)
      .where(sql`status in ('draft', 'in_review')`),
  ],
);

export const raciActivities = pgTable(
  "raci_activities",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** optional framework node as `frameworkId:nodeId`, e.g. `iso-iec-42001-2023:5.3` */
    frameworkNode: text("framework_node"),
    position: integer("position").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("raci_activities_org_position_idx").on(t.orgId, t.position, t.id)],
);

export const raciAssignments = pgTable(
  "raci_assignments",
  {
    id: id(),
    ...tenant(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => raciActivities.id, { onDelete: "cascade" }),
    /** a column of the matrix: a member (`member`, user id) or a role (`role`, role key such as `governance_lead` or `custom:<id>`) */
    partyType: text("party_type").notNull(),
    partyKey: text("party_key").notNull(),
    /** 'R' | 'A' | 'C' | 'I' */
    letter: text("letter").notNull(),
  },
  (t) => [
    uniqueIndex("raci_assignments_cell_key").on(t.orgId, t.activityId, t.partyType, t.partyKey),
    index("raci_assignments_letter_idx").on(t.orgId, t.activityId, t.letter),
  ],
);
