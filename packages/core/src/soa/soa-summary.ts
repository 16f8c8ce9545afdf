import type { SoaSnapshotEntry, SoaSummary } from "../schemas/soa";

/** Evidence is current unless it expired before `today` (YYYY-MM-DD); no date means no expiry. */
export const isCurrentEvidence = (e: { validUntil: string | null }, today: string): boolean =>
  e.validUntil === null || e.validUntil >= today;

/**
 * An applicable control is complete for certification when it has a justification, an owner and at least one
 * current evidence item; these are the gaps an auditor asks about first (readiness applies the same test to
 * 6.1.3). Without `today`, any linked evidence counts.
 */
export function soaEntryGaps(
  e: SoaSnapshotEntry,
  today?: string,
): ("justification" | "owner" | "evidence")[] {
  if (e.applicable !== true) return [];
  const gaps: ("justification" | "owner" | "evidence")[] = [];
  if (e.justification.trim() === "") gaps.push("justification");
  if (!e.ownerId) gaps.push("owner");
  if (!e.evidence.some((x) => today === undefined || isCurrentEvidence(x, today))) gaps.push("evidence");
  return gaps;
}

export function summarizeSoa(entries: readonly SoaSnapshotEntry[], today?: string): SoaSummary {
  const s: SoaSummary = { total: 0, applicable: 0, notApplicable: 0, undecided: 0, implemented: 0, gaps: 0 };
  for (const e of entries) {
    s.total++;
    if (e.applicable === true) s.applicable++;
    else if (e.applicable === false) s.notApplicable++;
    else s.undecided++;
    if (e.implementationStatus === "implemented") s.implemented++;
    if (soaEntryGaps(e, today).length > 0) s.gaps++;
  }
  return s;
}
