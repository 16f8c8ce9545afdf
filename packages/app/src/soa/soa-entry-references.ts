import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { SoaEvidenceItem, SoaRefItem } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

/** What one SoA entry is made of, for finding its evidence and documents. */
export interface SoaReferenceSubject {
  /** the caller's key for the entry, e.g. its control id */
  key: string;
  /** the framework node, `iso-iec-42001-2023:A.2.2` (null for an additional control) */
  nodeRef: string | null;
  /** the `soa_entries` row, once the entry exists */
  entryId: string | null;
  /** applied controls linked to the entry (for an additional control: the control itself) */
  appliedControlIds: string[];
}

export interface SoaEntryRefs {
  evidence: SoaEvidenceItem[];
  documents: SoaRefItem[];
}

/**
 * THE rule for an entry's evidence and documents, used by the SoA view, by version snapshots and by readiness:
 * evidence items and documents linked (record_links, source `evidence` / `document`) to the control's framework
 * node, to the SoA entry itself, or to any applied control linked to the entry. Archived evidence and retired
 * documents are left out; stale evidence stays in with its `validUntil` (see core `isCurrentEvidence`).
 * One query for all entries. Risks will join here when the risk register lands (source `risk`).
 */
export async function soaEntryReferences(
  db: Executor,
  orgId: string,
  subjects: readonly SoaReferenceSubject[],
): Promise<Map<string, SoaEntryRefs>> {
  const result = new Map<string, SoaEntryRefs>(subjects.map((s) => [s.key, { evidence: [], documents: [] }]));
  const byTarget = new Map<string, string[]>();
  const add = (type: string, id: string, key: string) => {
    const k = `${type}|${id}`;
    byTarget.set(k, [...(byTarget.get(k) ?? []), key]);
  };
  for (const s of subjects) {
    if (s.nodeRef) add("framework_node", s.nodeRef, s.key);
    if (s.entryId) add("soa_entry", s.entryId, s.key);
    for (const id of s.appliedControlIds) add("applied_control", id, s.key);
  }
  const idsOf = (type: string) =>
    [...byTarget.keys()].filter((k) => k.startsWith(`${type}|`)).map((k) => k.slice(type.length + 1));
  const targets = [
    ["framework_node", idsOf("framework_node")],
    ["soa_entry", idsOf("soa_entry")],
    ["applied_control", idsOf("applied_control")],
  ] as const;
  const wanted = targets.filter(([, ids]) => ids.length > 0);
  if (wanted.length === 0) return result;

  const l = tables.recordLinks;
  const ev = tables.evidence;
  const doc = tables.documents;
  const rows = await db
    .select({
      sourceType: l.sourceType,
      sourceId: l.sourceId,
      targetType: l.targetType,
      targetId: l.targetId,
      evidenceTitle: ev.title,
      validUntil: ev.validUntil,
      documentTitle: doc.title,
    })
    .from(l)
    .leftJoin(
      ev,
      and(
        eq(l.sourceType, "evidence"),
        eq(ev.orgId, l.orgId),
        eq(sql`${ev.id}::text`, l.sourceId),
        isNull(ev.archivedAt),
      ),
    )
    .leftJoin(
      doc,
      and(
        eq(l.sourceType, "document"),
        eq(doc.orgId, l.orgId),
        eq(sql`${doc.id}::text`, l.sourceId),
        ne(doc.status, "retired"),
      ),
    )
    .where(
      and(
        eq(l.orgId, orgId),
        inArray(l.sourceType, ["evidence", "document"]),
        or(...wanted.map(([type, ids]) => and(eq(l.targetType, type), inArray(l.targetId, [...ids])))),
      ),
    )
    .orderBy(l.sourceType, l.sourceId);

  const seen = new Set<string>();
  for (const r of rows) {
    const title = r.sourceType === "evidence" ? r.evidenceTitle : r.documentTitle;
    if (title === null) continue; // archived, retired, or a record that no longer exists
    for (const key of byTarget.get(`${r.targetType}|${r.targetId}`) ?? []) {
      const once = `${key}|${r.sourceType}|${r.sourceId}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const refs = result.get(key)!;
      if (r.sourceType === "evidence")
        refs.evidence.push({ id: r.sourceId, label: title, validUntil: r.validUntil ?? null });
      else refs.documents.push({ id: r.sourceId, label: title });
    }
  }
  return result;
}
