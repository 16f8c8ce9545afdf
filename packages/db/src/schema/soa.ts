import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users, organizations, ts, id, tenant } from "./base";

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
