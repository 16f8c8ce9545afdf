import type { SoaControlChange, SoaDiff, SoaRefItem, SoaSnapshotEntry } from "../schemas/soa";

type FieldChange = SoaControlChange["fields"][number];
type LinkChange = SoaControlChange["links"][number];

function refChanges(kind: LinkChange["kind"], before: SoaRefItem[], after: SoaRefItem[]): LinkChange | null {
  const was = new Set(before.map((r) => r.id));
  const now = new Set(after.map((r) => r.id));
  const added = after.filter((r) => !was.has(r.id));
  const removed = before.filter((r) => !now.has(r.id));
  return added.length + removed.length > 0 ? { kind, added, removed } : null;
}

/** The changes of one control between two snapshots; owners compare by id and show by name. */
function controlChanges(a: SoaSnapshotEntry, b: SoaSnapshotEntry): SoaControlChange | null {
  const fields: FieldChange[] = [];
  if (a.applicable !== b.applicable)
    fields.push({ field: "applicable", before: a.applicable, after: b.applicable });
  if (a.justification !== b.justification)
    fields.push({ field: "justification", before: a.justification, after: b.justification });
  if (a.implementationStatus !== b.implementationStatus)
    fields.push({
      field: "implementationStatus",
      before: a.implementationStatus,
      after: b.implementationStatus,
    });
  if (a.ownerId !== b.ownerId)
    fields.push({ field: "owner", before: a.ownerName ?? a.ownerId, after: b.ownerName ?? b.ownerId });
  if (a.notes !== b.notes) fields.push({ field: "notes", before: a.notes, after: b.notes });
  const links = [
    refChanges("appliedControls", a.appliedControls, b.appliedControls),
    refChanges("evidence", a.evidence, b.evidence),
    refChanges("documents", a.documents, b.documents),
  ].filter((l): l is LinkChange => l !== null);
  if (fields.length === 0 && links.length === 0) return null;
  return { controlId: b.controlId, title: b.title, fields, links };
}

/**
 * What changed from one SoA snapshot to another: controls added (e.g. a new additional control) and removed,
 * and per control the changed applicability, justification, status, owner, notes and linked records. Controls
 * keep the order of the newer snapshot.
 */
export function diffSoaSnapshots(
  from: { number: number; entries: SoaSnapshotEntry[] },
  to: { number: number; entries: SoaSnapshotEntry[] },
): SoaDiff {
  const before = new Map(from.entries.map((e) => [e.controlId, e]));
  const after = new Set(to.entries.map((e) => e.controlId));
  const result: SoaDiff = { from: from.number, to: to.number, added: [], removed: [], changed: [] };
  for (const e of to.entries) {
    const old = before.get(e.controlId);
    if (!old) result.added.push({ controlId: e.controlId, title: e.title });
    else {
      const change = controlChanges(old, e);
      if (change) result.changed.push(change);
    }
  }
  for (const e of from.entries)
    if (!after.has(e.controlId)) result.removed.push({ controlId: e.controlId, title: e.title });
  return result;
}
