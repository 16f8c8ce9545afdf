import { and, desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  abilitiesOf,
  notFound,
  soaVersionPolicy,
  type Actor,
  type SoaSnapshotEntry,
  type SoaVersionState,
  type SoaVersionStatus,
  type SoaVersionSummary,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const v = tables.soaVersions;
const creator = alias(tables.users, "creator");
const decider = alias(tables.users, "decider");
export type SoaVersionRow = typeof v.$inferSelect;

/** What `soa_versions.snapshot` holds. */
export interface SoaSnapshot {
  frameworkId: string;
  entries: SoaSnapshotEntry[];
}

const summaryColumns = {
  id: v.id,
  number: v.number,
  status: v.status,
  note: v.note,
  createdAt: v.createdAt,
  createdBy: v.createdBy,
  createdByName: creator.name,
  decidedAt: v.decidedAt,
  decidedBy: v.decidedBy,
  decidedByName: decider.name,
  decisionNote: v.decisionNote,
  supersededAt: v.supersededAt,
  version: v.version,
};
type SummaryRow = {
  [K in keyof typeof summaryColumns]: K extends "createdByName" | "decidedByName"
    ? string | null
    : SoaVersionRow[Exclude<K, "createdByName" | "decidedByName">];
};

export function presentSoaVersionSummary(actor: Actor, r: SummaryRow): SoaVersionSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as SoaVersionStatus,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
    decidedByName: r.decidedByName,
    decisionNote: r.decisionNote,
    supersededAt: r.supersededAt?.toISOString() ?? null,
    version: r.version,
    abilities: abilitiesOf(actor, soaVersionPolicy, { createdBy: r.createdBy }),
  };
}

const withNames = (db: Executor) =>
  db
    .select(summaryColumns)
    .from(v)
    .leftJoin(creator, eq(creator.id, v.createdBy))
    .leftJoin(decider, eq(decider.id, v.decidedBy));

/** A page of versions, newest first, keyset on the number. */
export async function selectSoaVersionSummaries(
  db: Executor,
  orgId: string,
  limit: number,
  beforeNumber: number | null,
): Promise<SummaryRow[]> {
  return withNames(db)
    .where(and(eq(v.orgId, orgId), beforeNumber === null ? undefined : lt(v.number, beforeNumber)))
    .orderBy(desc(v.number))
    .limit(limit);
}

/** The newest version and the approved one in force (either may be missing). */
export async function latestAndApproved(
  db: Executor,
  orgId: string,
): Promise<{ latest: SummaryRow | null; approved: SummaryRow | null }> {
  const [latest] = await withNames(db).where(eq(v.orgId, orgId)).orderBy(desc(v.number)).limit(1);
  if (!latest || latest.status === "approved") return { latest: latest ?? null, approved: latest ?? null };
  const [approved] = await withNames(db)
    .where(and(eq(v.orgId, orgId), eq(v.status, "approved")))
    .limit(1);
  return { latest, approved: approved ?? null };
}

export async function findSoaVersionSummary(
  db: Executor,
  orgId: string,
  number: number,
): Promise<SummaryRow> {
  const [row] = await withNames(db).where(and(eq(v.orgId, orgId), eq(v.number, number)));
  if (!row) throw notFound(`SoA version ${number}`);
  return row;
}

export async function findSoaSnapshot(db: Executor, orgId: string, number: number): Promise<SoaSnapshot> {
  const [row] = await db
    .select({ snapshot: v.snapshot })
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.number, number)));
  if (!row) throw notFound(`SoA version ${number}`);
  return row.snapshot as SoaSnapshot;
}

export const toSoaVersionState = (r: SoaVersionRow): SoaVersionState => ({
  id: r.id,
  number: r.number,
  status: r.status as SoaVersionStatus,
  createdBy: r.createdBy,
  version: r.version,
});

export async function lockSoaVersion(tx: Executor, orgId: string, number: number): Promise<SoaVersionRow> {
  const [row] = await tx
    .select()
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.number, number)))
    .for("update");
  if (!row) throw notFound(`SoA version ${number}`);
  return row;
}

export async function lockApprovedSoaVersion(tx: Executor, orgId: string): Promise<SoaVersionRow | null> {
  const [row] = await tx
    .select()
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.status, "approved")))
    .for("update");
  return row ?? null;
}
