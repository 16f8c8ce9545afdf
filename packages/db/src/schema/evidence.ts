import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { users, ts, id, tenant } from "./base";

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
