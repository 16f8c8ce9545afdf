import type { SoaSnapshotEntry, SoaSummary } from "../schemas/soa";

/**
 * An applicable control is complete for certification when it has a justification, an owner and at least one
 * evidence item; these are the gaps an auditor asks about first (readiness applies the same test to 6.1.3).
 */
export function soaEntryGaps(e: SoaSnapshotEntry): ("justification" | "owner" | "evidence")[] {
  if (e.applicable !== true) return [];
  const gaps: ("justification" | "owner" | "evidence")[] = [];
  if (e.justification.trim() === "") gaps.push("justification");
  if (!e.ownerId) gaps.push("owner");
  if (e.evidence.length === 0) gaps.push("evidence");
  return gaps;
}

export function summarizeSoa(entries: readonly SoaSnapshotEntry[]): SoaSummary {
  const s: SoaSummary = { total: 0, applicable: 0, notApplicable: 0, undecided: 0, implemented: 0, gaps: 0 };
  for (const e of entries) {
    s.total++;
    if (e.applicable === true) s.applicable++;
    else if (e.applicable === false) s.notApplicable++;
    else s.undecided++;
    if (e.implementationStatus === "implemented") s.implemented++;
    if (soaEntryGaps(e).length > 0) s.gaps++;
  }
  return s;
}
