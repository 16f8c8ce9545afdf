import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import {
  abilitiesOf,
  evidenceFreshness,
  evidencePolicy,
  notFound,
  type Actor,
  type EvidenceKind,
  type EvidenceSource,
  type EvidenceState,
  type EvidenceView,
  type LinkView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { registerLinkTarget } from "../shared/links";

const { evidence, users } = tables;
const { searchText: _searchText, ...columns } = getTableColumns(evidence);
/** Every column but the generated search text. */
export const evidenceColumns = columns;
export type EvidenceRow = Omit<typeof evidence.$inferSelect, "searchText">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Other records link to evidence (SoA entries, applied controls…): its label is the title.
registerLinkTarget("evidence", async (db, orgId, ids) => {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: evidence.id, title: evidence.title })
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), inArray(evidence.id, valid)));
  return new Map(rows.map((r) => [r.id, r.title]));
});

export function toEvidenceState(row: EvidenceRow): EvidenceState {
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    title: row.title,
    description: row.description,
    url: row.url,
    collectedAt: row.collectedAt,
    validUntil: row.validUntil,
    sha256: row.sha256,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

export function presentEvidence(
  actor: Actor,
  row: EvidenceRow,
  createdByName: string | null,
  links: LinkView[],
  today: string,
  abilities = abilitiesOf(actor, evidencePolicy, { archivedAt: row.archivedAt }),
): EvidenceView {
  return {
    id: row.id,
    orgId: row.orgId,
    kind: row.kind as EvidenceKind,
    title: row.title,
    description: row.description,
    url: row.url,
    file:
      row.kind === "file" && row.sha256
        ? {
            sha256: row.sha256,
            size: row.sizeBytes ?? 0,
            mediaType: row.mediaType ?? "application/octet-stream",
            filename: row.filename,
          }
        : null,
    collectedAt: row.collectedAt.toISOString(),
    validUntil: row.validUntil,
    freshness: evidenceFreshness(row.validUntil, today),
    source: row.source as EvidenceSource,
    createdBy: row.createdBy,
    createdByName: row.createdBy ? createdByName : null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    links,
    abilities,
  };
}

/** Loads and row-locks an item of the org for a write; another org's id is a 404. */
export async function lockEvidence(tx: Executor, orgId: string, id: string): Promise<EvidenceRow> {
  if (!UUID.test(id)) throw notFound("Evidence");
  const [row] = await tx
    .select(evidenceColumns)
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), eq(evidence.id, id)))
    .for("update");
  if (!row) throw notFound("Evidence");
  return row;
}

export async function findEvidence(
  db: Executor,
  orgId: string,
  id: string,
): Promise<{ row: EvidenceRow; createdByName: string | null }> {
  if (!UUID.test(id)) throw notFound("Evidence");
  const [found] = await db
    .select({ row: evidenceColumns, createdByName: users.name })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(and(eq(evidence.orgId, orgId), eq(evidence.id, id)));
  if (!found) throw notFound("Evidence");
  return found;
}
