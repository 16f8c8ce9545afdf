import { and, asc, eq, isNull, like, sql } from "drizzle-orm";
import {
  additionalControlsGroup,
  annexAControls,
  frameworkNodeRef,
  soaFrameworkId,
  undecidedSoaEntry,
  type ImplementationStatus,
  type SoaRefItem,
  type SoaSnapshotEntry,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { soaEntryReferences, type SoaReferenceSubject } from "./soa-entry-references";

/** A working-state entry: the snapshot shape plus the row's identity, version and write time. */
export interface WorkingSoaEntry extends SoaSnapshotEntry {
  entryId: string | null;
  version: number;
  updatedAt: Date | null;
}

/**
 * The SoA as it stands: every Annex A control of ISO/IEC 42001 and every live applied control marked
 * `additional`, merged with the stored entries (a control without a row is undecided), each with its linked
 * applied controls, evidence and documents. Five queries, whatever the size.
 */
export async function loadSoaWorkingState(db: Executor, orgId: string): Promise<WorkingSoaEntry[]> {
  const e = tables.soaEntries;
  const ac = tables.appliedControls;
  const l = tables.recordLinks;
  const [rows, additional, links] = await Promise.all([
    db
      .select({ row: e, ownerName: tables.users.name })
      .from(e)
      .leftJoin(tables.users, eq(tables.users.id, e.ownerId))
      .where(and(eq(e.orgId, orgId), eq(e.frameworkId, soaFrameworkId))),
    db
      .select({ id: ac.id, name: ac.name })
      .from(ac)
      .where(and(eq(ac.orgId, orgId), eq(ac.additional, true), isNull(ac.archivedAt)))
      .orderBy(asc(sql`lower(${ac.name})`), asc(ac.id)),
    db
      .select({ nodeRef: l.targetId, id: ac.id, name: ac.name })
      .from(l)
      .innerJoin(ac, and(eq(ac.orgId, l.orgId), eq(sql`${ac.id}::text`, l.sourceId)))
      .where(
        and(
          eq(l.orgId, orgId),
          eq(l.sourceType, "applied_control"),
          eq(l.targetType, "framework_node"),
          like(l.targetId, `${soaFrameworkId}:A.%`),
          isNull(ac.archivedAt),
        ),
      )
      .orderBy(asc(sql`lower(${ac.name})`), asc(ac.id)),
  ]);
  const stored = new Map(rows.map((r) => [r.row.controlId, r]));
  const controlsOf = new Map<string, SoaRefItem[]>();
  for (const x of links)
    controlsOf.set(x.nodeRef, [...(controlsOf.get(x.nodeRef) ?? []), { id: x.id, label: x.name }]);

  const base = [
    ...annexAControls().map((c) => ({
      controlId: c.controlId,
      kind: "annex_a" as const,
      title: c.title,
      groupId: c.groupId,
      groupTitle: c.groupTitle,
      nodeRef: frameworkNodeRef(soaFrameworkId, c.controlId),
      appliedControls: controlsOf.get(frameworkNodeRef(soaFrameworkId, c.controlId)) ?? [],
    })),
    ...additional.map((a) => ({
      controlId: a.id,
      kind: "additional" as const,
      title: a.name,
      ...additionalControlsGroup,
      nodeRef: null,
      appliedControls: [{ id: a.id, label: a.name }],
    })),
  ];
  const subjects: SoaReferenceSubject[] = base.map((b) => ({
    key: b.controlId,
    nodeRef: b.nodeRef,
    entryId: stored.get(b.controlId)?.row.id ?? null,
    appliedControlIds: b.appliedControls.map((c) => c.id),
  }));
  const refs = await soaEntryReferences(db, orgId, subjects);

  return base.map(({ nodeRef: _nodeRef, ...b }) => {
    const s = stored.get(b.controlId);
    const r = refs.get(b.controlId) ?? { evidence: [], documents: [] };
    const fields = s
      ? {
          applicable: s.row.applicable,
          justification: s.row.justification,
          implementationStatus: s.row.implementationStatus as ImplementationStatus,
          ownerId: s.row.ownerId,
          notes: s.row.notes,
        }
      : undecidedSoaEntry;
    return {
      ...b,
      ...fields,
      ownerName: fields.ownerId ? (s?.ownerName ?? null) : null,
      evidence: r.evidence,
      documents: r.documents,
      entryId: s?.row.id ?? null,
      version: s?.row.version ?? 0,
      updatedAt: s?.row.updatedAt ?? null,
    };
  });
}

/** The frozen form of an entry: exactly the snapshot fields, in a stable key order. */
export function toSnapshotEntry(w: WorkingSoaEntry): SoaSnapshotEntry {
  return {
    controlId: w.controlId,
    kind: w.kind,
    title: w.title,
    groupId: w.groupId,
    groupTitle: w.groupTitle,
    applicable: w.applicable,
    justification: w.justification,
    implementationStatus: w.implementationStatus,
    ownerId: w.ownerId,
    ownerName: w.ownerName,
    notes: w.notes,
    appliedControls: w.appliedControls,
    evidence: w.evidence,
    documents: w.documents,
  };
}
