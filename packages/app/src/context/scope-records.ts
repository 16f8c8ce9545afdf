import { and, eq, inArray, sql } from "drizzle-orm";
import {
  notFound,
  scopeAbilities,
  type Actor,
  type ScopeStatus,
  type ScopeVersionState,
  type ScopeVersionView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const { scopeVersions, users } = tables;
export type ScopeRow = typeof scopeVersions.$inferSelect;

export function toScopeState(row: ScopeRow): ScopeVersionState {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status as ScopeStatus,
    statement: row.statement,
    inclusions: row.inclusions,
    exclusions: row.exclusions,
    boundaries: row.boundaries,
    authorId: row.authorId,
    lastEditedBy: row.lastEditedBy,
    editorIds: row.editorIds,
    submittedBy: row.submittedBy,
  };
}

/** Serializes scope writers of one org (new draft, approve), so the "one open, one approved" rule holds. */
export async function lockScope(tx: Executor, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`openaims:scope:${orgId}`}))`);
}

export async function findScopeVersion(
  db: Executor,
  orgId: string,
  number: number,
  opts: { lock?: boolean } = {},
): Promise<ScopeRow> {
  const q = db
    .select()
    .from(scopeVersions)
    .where(and(eq(scopeVersions.orgId, orgId), eq(scopeVersions.number, number)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound(`Scope version ${number}`);
  return row;
}

/** The approved version (in force) and the open one (draft or in review), if any. */
export async function currentScopeRows(
  db: Executor,
  orgId: string,
): Promise<{ approved: ScopeRow | null; open: ScopeRow | null }> {
  const rows = await db
    .select()
    .from(scopeVersions)
    .where(
      and(eq(scopeVersions.orgId, orgId), inArray(scopeVersions.status, ["approved", "draft", "in_review"])),
    );
  return {
    approved: rows.find((r) => r.status === "approved") ?? null,
    open: rows.find((r) => r.status !== "approved") ?? null,
  };
}

export async function presentScopeVersions(
  db: Executor,
  actor: Actor,
  rows: ScopeRow[],
): Promise<ScopeVersionView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.authorId, r.approvedBy]).filter((x): x is string => !!x))];
  const names =
    ids.length === 0
      ? new Map<string, string>()
      : new Map(
          (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
            (u) => [u.id, u.name],
          ),
        );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status as ScopeStatus,
    statement: r.statement,
    inclusions: r.inclusions,
    exclusions: r.exclusions,
    boundaries: r.boundaries,
    authorId: r.authorId,
    authorName: r.authorId ? (names.get(r.authorId) ?? null) : null,
    lastEditedBy: r.lastEditedBy,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    approvedBy: r.approvedBy,
    approvedByName: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    supersededAt: r.supersededAt?.toISOString() ?? null,
    rejectionNote: r.rejectionNote,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    abilities: scopeAbilities(actor, toScopeState(r)),
  }));
}

export async function presentScopeVersion(
  db: Executor,
  actor: Actor,
  row: ScopeRow,
): Promise<ScopeVersionView> {
  return (await presentScopeVersions(db, actor, [row]))[0]!;
}
