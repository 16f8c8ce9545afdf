import { and, eq, inArray } from "drizzle-orm";
import type { SoaSnapshotEntry } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

/** What a frozen SoA version can reference (rows of `soa_version_refs`). */
export type SoaRefType = "evidence" | "document";

/** Version statuses that count as "approved" for protection: the current approved one and earlier approved ones. */
const everApproved = ["approved", "superseded"];

/**
 * The numbers of the SoA versions (approved now, or approved before a later one superseded them) that froze a
 * reference to this evidence item or document, ascending. An empty list means the record is in no approved SoA,
 * so e.g. evidence may be deleted; otherwise it may only be archived.
 */
export async function approvedSoaVersionsReferencing(
  db: Executor,
  orgId: string,
  refType: SoaRefType,
  refId: string,
): Promise<number[]> {
  const v = tables.soaVersions;
  const r = tables.soaVersionRefs;
  const rows = await db
    .select({ number: v.number })
    .from(r)
    .innerJoin(v, eq(v.id, r.soaVersionId))
    .where(
      and(
        eq(r.orgId, orgId),
        eq(r.refType, refType),
        eq(r.refId, refId),
        eq(v.orgId, orgId),
        inArray(v.status, everApproved),
      ),
    )
    .orderBy(v.number);
  return rows.map((x) => x.number);
}

/**
 * The approved SoA version in force (there is at most one), with its frozen entries, or null. Readiness reads
 * 6.1.3 from this: every applicable entry needs a justification, an owner and a current evidence item (core
 * `soaEntryGaps(entry, today)`; evidence still live can be checked against the `evidence` table by id).
 */
export async function approvedSoaSnapshot(
  db: Executor,
  orgId: string,
): Promise<{ number: number; decidedAt: Date | null; entries: SoaSnapshotEntry[] } | null> {
  const v = tables.soaVersions;
  const [row] = await db
    .select({ number: v.number, decidedAt: v.decidedAt, snapshot: v.snapshot })
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.status, "approved")))
    .limit(1);
  if (!row) return null;
  return {
    number: row.number,
    decidedAt: row.decidedAt,
    entries: (row.snapshot as { entries: SoaSnapshotEntry[] }).entries,
  };
}
