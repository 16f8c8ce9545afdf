import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const id = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);
/** The columns every tenant-owned table carries. */
const tenant = () => ({
  orgId: uuid("org_id")
    .notNull()
    .references(() => organizations.id),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    isInstanceAdmin: boolean("is_instance_admin").notNull().default(false),
    disabledAt: ts("disabled_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const organizations = pgTable("organizations", {
  id: id(),
  name: text("name").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

export const customRoles = pgTable(
  "custom_roles",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    permissions: jsonb("permissions").$type<string[]>().notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("custom_roles_org_name_key")
      .on(t.orgId, t.name)
      .where(sql`deleted_at is null`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    ...tenant(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** a built-in role name, or null when `custom_role_id` grants the permissions */
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    status: text("status").$type<"active" | "deactivated">().notNull().default("active"),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    ...tenant(),
    email: text("email").notNull(),
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_org_idx").on(t.orgId, t.createdAt),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    ...tenant(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    role: text("role"),
    customRoleId: uuid("custom_role_id").references(() => customRoles.id),
    tokenHash: text("token_hash").notNull(),
    /** the first characters, shown in lists so people can tell tokens apart */
    prefix: text("prefix").notNull(),
    lastUsedAt: ts("last_used_at"),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_token_key").on(t.tokenHash),
    index("api_tokens_org_idx").on(t.orgId, t.createdAt),
  ],
);

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: ts("locked_until"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** One row per organization: the head of its audit chain. Writers lock it to append. */
export const auditHeads = pgTable("audit_heads", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
  hash: text("hash").notNull(),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    id: uuid("id").notNull(),
    type: text("type").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    /** set when the actor used an API token */
    actorTokenId: text("actor_token_id"),
    requestId: text("request_id"),
    /** ISO string exactly as hashed, so re-reading never changes the bytes */
    occurredAt: text("occurred_at").notNull(),
    /** canonical JSON text exactly as hashed (not jsonb, which would reorder keys and reformat numbers) */
    payload: text("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    index("audit_events_entity_idx").on(t.orgId, t.entityType, t.entityId, t.seq),
    index("audit_events_actor_idx").on(t.orgId, t.actorId, t.seq),
    index("audit_events_time_idx").on(t.orgId, t.occurredAt),
  ],
);

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

/**
 * Links between management-system records (see core `links.ts`): source → target. Framework nodes are targets
 * `framework_node` / `frameworkId:nodeId`. Rows are inserted and deleted, never updated.
 */
export const recordLinks = pgTable(
  "record_links",
  {
    id: id(),
    ...tenant(),
    sourceType: text("source_type").notNull(),
    sourceId: text("source_id").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("record_links_key").on(t.orgId, t.sourceType, t.sourceId, t.targetType, t.targetId),
    index("record_links_target_idx").on(t.orgId, t.targetType, t.targetId),
  ],
);

// ─── Applied controls and the Statement of Applicability (6.1.3) — area "soa" ─────────────────────────────────
/**
 * The organization's own controls: what it actually does (a procedure, a technical measure …). Reusable: one
 * applied control satisfies many framework controls/requirements through `record_links` (source
 * `applied_control` → target `framework_node`). `additional = true` lists it in the SoA as one of the
 * organization's additional controls (beyond Annex A). `status` is an implementation status (core vocabulary).
 */
export const appliedControls = pgTable(
  "applied_controls",
  {
    id: id(),
    ...tenant(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id),
    status: text("status").notNull().default("not_started"),
    category: text("category").notNull().default("other"),
    additional: boolean("additional").notNull().default(false),
    archivedAt: ts("archived_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    index("applied_controls_org_name_idx").on(t.orgId, sql`lower(${t.name})`, t.id),
    index("applied_controls_org_additional_idx").on(t.orgId, t.additional),
  ],
);

/**
 * SoA working state, one row per org × control, created on the first edit (an absent row = undecided).
 * `control_id` is the Annex A node id (`A.2.2`, framework `framework_id`) or, for an additional control, the
 * applied control's id (then `additional_control_id` holds the same id, so the row follows the control).
 * `applicable` null = undecided; `implementation_status` is `not_applicable` exactly when applicable = false.
 * Linked applied controls are record links applied_control → framework_node (Annex A entries).
 */
export const soaEntries = pgTable(
  "soa_entries",
  {
    id: id(),
    ...tenant(),
    frameworkId: text("framework_id").notNull(),
    controlId: text("control_id").notNull(),
    additionalControlId: uuid("additional_control_id").references(() => appliedControls.id),
    applicable: boolean("applicable"),
    justification: text("justification").notNull().default(""),
    implementationStatus: text("implementation_status").notNull().default("not_started"),
    ownerId: uuid("owner_id").references(() => users.id),
    notes: text("notes").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("soa_entries_control_key").on(t.orgId, t.frameworkId, t.controlId)],
);

/**
 * Frozen SoA snapshots, numbered 1, 2 … per org. `snapshot` (JSON: every entry with its justification, status,
 * owner, applied controls, evidence and documents at freeze time) never changes after insert (trigger);
 * status: in_review → approved (four-eyes) | rejected; approving supersedes the previously approved version.
 * Readiness (6.1.3) reads the one row with status 'approved' (app `approvedSoaSnapshot`): snapshot.entries[] has
 * `applicable`, `justification`, `ownerId`, `evidence: [{ id, label, validUntil }]` (core `SoaSnapshotEntry`).
 */
export const soaVersions = pgTable(
  "soa_versions",
  {
    id: id(),
    ...tenant(),
    number: integer("number").notNull(),
    status: text("status").notNull().default("in_review"),
    note: text("note").notNull().default(""),
    snapshot: jsonb("snapshot").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    decisionNote: text("decision_note").notNull().default(""),
    supersededAt: ts("superseded_at"),
  },
  (t) => [
    uniqueIndex("soa_versions_org_number_key").on(t.orgId, t.number),
    index("soa_versions_org_status_idx").on(t.orgId, t.status),
  ],
);

/**
 * What each SoA version references (ref_type `evidence` | `document`, ref_id the record's id), written with the
 * snapshot. Lets evidence deletion ask "is this in an approved SoA?" (app `approvedSoaVersionsReferencing`).
 */
export const soaVersionRefs = pgTable(
  "soa_version_refs",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    soaVersionId: uuid("soa_version_id")
      .notNull()
      .references(() => soaVersions.id),
    refType: text("ref_type").notNull(),
    refId: text("ref_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.soaVersionId, t.refType, t.refId] }),
    index("soa_version_refs_ref_idx").on(t.orgId, t.refType, t.refId),
  ],
);

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

// ─── Tasks (issue 3 §8) — area "tasks" ─────────────────────────────────────────────────────────────────────
/**
 * A piece of work with an assignee and a due date, about one record. Made by hand (`origin = 'manual'`) or by a
 * generator (app `generateTasks`), which sets `origin` (`document_review`, `soa_gap` …) and `origin_key`, the
 * condition the task stands for (e.g. `document_review:<documentId>:<next review date>`,
 * `soa_gap:<frameworkId>:<controlId>`); at most one active task per key and org (partial unique index), so
 * generation is idempotent even when several nodes run it at once.
 * - `status`: open | in_progress (active) → done | cancelled (closed; can be reopened);
 * - `due_date`: a calendar day; a task is overdue when active and `due_date < current_date` (UTC);
 * - `subject_type` / `subject_id`: the record it is about, a link target type of core `shared/links.ts`
 *   (`document`, `soa_entry`, `framework_node` as `frameworkId:nodeId` …), or both null;
 * - `completed_at` / `completed_by`: when and by whom it was closed (done or cancelled); by null = the system.
 * Readiness / dashboard count e.g. overdue tasks as
 * `status in ('open','in_progress') AND due_date < current_date`.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status").notNull().default("open"),
    priority: text("priority"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    origin: text("origin").notNull().default("manual"),
    originKey: text("origin_key"),
    completedAt: ts("completed_at"),
    completedBy: uuid("completed_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("tasks_origin_key_active_key")
      .on(t.orgId, t.originKey)
      .where(sql`origin_key is not null and status in ('open', 'in_progress')`),
    // the list's default order (due date, undated last) compares exactly this expression
    index("tasks_org_due_idx").on(t.orgId, sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.id),
    index("tasks_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("tasks_org_status_due_idx").on(t.orgId, t.status, t.dueDate),
    index("tasks_org_assignee_idx").on(t.orgId, t.assigneeId, t.status),
    index("tasks_org_subject_idx").on(t.orgId, t.subjectType, t.subjectId),
    index("tasks_org_origin_idx").on(t.orgId, t.origin, t.status),
  ],
);

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

// ─── Evidence (helper "evidence") ───────────────────────────────────────────────────────────────────────────────
/**
 * An evidence item: a stored file (`kind = 'file'`: `sha256`, `size_bytes`, sniffed `media_type`, original
 * `filename`; the bytes live in the blob store, content-addressed by `sha256`) or a link (`kind = 'link'`: `url`,
 * http/https only). `valid_until` is a calendar date: the item is stale from the day after. `source` says how it was
 * added (`manual` web UI, `cli`, `api` token). Archived items keep their links but leave the default list.
 * Readiness counts "current evidence" as
 * `archived_at IS NULL AND (valid_until IS NULL OR valid_until >= current_date)`; links to framework nodes, SoA
 * entries, applied controls, AI systems and documents are rows of `record_links` with `source_type = 'evidence'`.
 */
export const evidence = pgTable(
  "evidence",
  {
    id: id(),
    ...tenant(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    url: text("url"),
    sha256: text("sha256"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    mediaType: text("media_type"),
    filename: text("filename"),
    collectedAt: ts("collected_at").notNull().defaultNow(),
    validUntil: date("valid_until", { mode: "string" }),
    source: text("source").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: ts("archived_at"),
    /** what the list's `q` searches, lower-cased once on write (see ai_systems.search_text) */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(title || chr(31) || description || chr(31) || coalesce(filename, '') || chr(31) || coalesce(url, ''))`,
    ),
  },
  (t) => [
    // the list's order: newest first, keyset on (created_at, id)
    index("evidence_org_created_idx").on(t.orgId, t.createdAt, t.id),
    // freshness filters and readiness's "current evidence"
    index("evidence_org_valid_idx").on(t.orgId, t.archivedAt, t.validUntil),
    // is this blob still referenced (by any org)? before a blob is removed
    index("evidence_sha256_idx").on(t.sha256),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * The database blob store (used when the app runs on PostgreSQL, see docs/evidence.md): a blob is split into
 * parts of up to 1 MiB, keyed by its SHA-256 hex. While an upload streams in, its parts are written under a
 * temporary key `tmp:<uuid>` and renamed to the hash in one transaction at the end (or dropped when the hash is
 * already stored). Blobs are shared by every org (content-addressed); only `evidence` rows give access to them.
 */
export const evidenceBlobs = pgTable(
  "evidence_blobs",
  {
    key: text("key").notNull(),
    part: integer("part").notNull(),
    data: bytea("data").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.part] })],
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

// ─── AI incidents (helper "incidents", issue 4 §4) ──────────────────────────────────────────────────────────────
/**
 * AI incidents (A.8.4; EU AI Act Art. 73). `became_aware_on` starts the regulatory clocks, which are computed from
 * the versioned EU AI Act rule data and never stored. `serious_answers` holds the Art. 3(49) answers
 * (true/false/null per question). The AI systems involved are `record_links` rows with `source_type = 'incident'`.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    ...tenant(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    occurredOn: date("occurred_on", { mode: "string" }),
    becameAwareOn: date("became_aware_on", { mode: "string" }).notNull(),
    severity: text("severity").notNull().default("medium"),
    harmTypes: jsonb("harm_types").$type<string[]>().notNull().default([]),
    role: text("role").notNull().default("provider"),
    seriousAnswers: jsonb("serious_answers").$type<Record<string, boolean | null>>().notNull().default({}),
    status: text("status").notNull().default("reported"),
    resolution: text("resolution").notNull().default(""),
    reportedBy: uuid("reported_by").references(() => users.id),
  },
  (t) => [
    index("incidents_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("incidents_org_status_idx").on(t.orgId, t.status),
  ],
);

/** The communication log of an incident: to the provider, an authority, affected people, customers. Append-only. */
export const incidentCommunications = pgTable(
  "incident_communications",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    recipient: text("recipient").notNull(),
    recipientDetail: text("recipient_detail").notNull().default(""),
    sentAt: ts("sent_at").notNull(),
    summary: text("summary").notNull(),
    loggedBy: uuid("logged_by").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_communications_incident_idx").on(t.orgId, t.incidentId, t.sentAt)],
);

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
 * organization owes its own customers (A.10.4). The due-diligence questionnaire is not modelled yet.
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
