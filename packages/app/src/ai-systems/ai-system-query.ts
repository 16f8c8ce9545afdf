import { and, asc, desc, eq, isNotNull, isNull, like, sql, type SQL } from "drizzle-orm";
import { invalidInput, type AiSystemFilter, type aiSystemSortKeys } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { aiSystemColumns, type AiSystemRow } from "./ai-system-records";

const { aiSystems, users } = tables;
type SortKey = (typeof aiSystemSortKeys)[number];

/** `%`, `_` and `\` typed by a user are meant literally. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every condition starts with the org, so each list query is served by an index that starts with org_id. */
export function aiSystemConditions(orgId: string, f: AiSystemFilter): SQL[] {
  const conds: SQL[] = [eq(aiSystems.orgId, orgId)];
  if (f.archived === "false") conds.push(isNull(aiSystems.archivedAt));
  if (f.archived === "true") conds.push(isNotNull(aiSystems.archivedAt));
  if (f.lifecycleStage) conds.push(eq(aiSystems.lifecycleStage, f.lifecycleStage));
  if (f.aiType) conds.push(eq(aiSystems.aiType, f.aiType));
  if (f.ownerId) conds.push(eq(aiSystems.ownerId, f.ownerId));
  if (f.tag) conds.push(sql`${aiSystems.tags} @> ${JSON.stringify([f.tag])}::jsonb`);
  // search_text is lower() of name, purpose, description and business unit; lower the needle the same way
  if (f.q) conds.push(like(aiSystems.searchText, sql`lower(${`%${escapeLike(f.q)}%`})`));
  return conds;
}

interface SortSpec {
  /** exactly the expression the matching index is built on (see packages/db schema) */
  expr: SQL;
  /** the key as text for the cursor, losslessly (timestamps keep their microseconds) */
  asText: SQL<string>;
  /** the cursor's text turned back into the expression's type */
  fromText: (v: string) => SQL;
  /** a forged cursor must fail here, not as a cast error in SQL */
  accepts: (v: string) => boolean;
  desc: boolean;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const utcText = (col: SQL | typeof aiSystems.createdAt) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function sortSpec(sort: SortKey): SortSpec {
  const isDesc = sort.startsWith("-");
  const key = (isDesc ? sort.slice(1) : sort) as "name" | "updatedAt" | "createdAt" | "lifecycleStage";
  switch (key) {
    case "name": {
      const expr = sql`lower(${aiSystems.name})`;
      const accepts = (v: string) => !v.includes("\u0000");
      return { expr, asText: sql<string>`${expr}`, fromText: (v) => sql`${v}::text`, accepts, desc: isDesc };
    }
    case "lifecycleStage": {
      const expr = tables.lifecycleRank(aiSystems.lifecycleStage);
      const accepts = (v: string) => /^\d{1,2}$/.test(v);
      return {
        expr,
        asText: sql<string>`${expr}::text`,
        fromText: (v) => sql`${v}::int`,
        accepts,
        desc: isDesc,
      };
    }
    default: {
      const col = key === "updatedAt" ? aiSystems.updatedAt : aiSystems.createdAt;
      return {
        expr: sql`${col}`,
        asText: utcText(col),
        fromText: (v) => sql`${v}::timestamptz`,
        // round-tripping through Date rejects impossible dates such as 02-30, which PostgreSQL would refuse
        accepts: (v) => ISO_UTC.test(v) && new Date(v).toISOString().slice(0, 23) === v.slice(0, 23),
        desc: isDesc,
      };
    }
  }
}

export interface AiSystemPageRow {
  row: AiSystemRow;
  ownerName: string | null;
  ownerEmail: string | null;
}

/**
 * One keyset page: `limit` rows after the cursor in (sort key, id) order, owners joined in the same query.
 * A cursor that does not decode, or does not belong to this sort, is a 400.
 */
export async function selectAiSystemPage(
  db: Executor,
  orgId: string,
  filter: AiSystemFilter,
  sort: SortKey,
  limit: number,
  cursor: string | undefined,
  opts: { withTotal: boolean },
): Promise<{ rows: AiSystemPageRow[]; nextCursor: string | null; total: number | null }> {
  const spec = sortSpec(sort);
  const conds = aiSystemConditions(orgId, filter);
  const after = decodeCursor(cursor, 3);
  if (after) {
    const [s, key, id] = after;
    if (
      s !== sort ||
      typeof key !== "string" ||
      typeof id !== "string" ||
      !UUID.test(id) ||
      !spec.accepts(key)
    )
      throw badCursor();
    const cmp = spec.desc ? sql`<` : sql`>`;
    conds.push(sql`(${spec.expr}, ${aiSystems.id}) ${cmp} (${spec.fromText(key as string)}, ${id}::uuid)`);
  }
  const dir = spec.desc ? desc : asc;
  // The total rides along as an uncorrelated subquery (computed once), so a page is one round trip.
  const total = opts.withTotal
    ? sql<number>`(${countQuery(db, orgId, filter)})`.mapWith(Number)
    : sql<null>`null`;
  const rows = await db
    .select({
      row: aiSystemColumns,
      ownerName: users.name,
      ownerEmail: users.email,
      sortKey: spec.asText,
      total,
    })
    .from(aiSystems)
    .leftJoin(users, eq(users.id, aiSystems.ownerId))
    .where(and(...conds))
    .orderBy(dir(spec.expr), dir(aiSystems.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([sort, last.sortKey, last.row.id]) : null;
  let count: number | null = rows[0]?.total ?? null;
  // No row to carry the total: without a cursor the filter matches nothing; after one, ask separately.
  if (opts.withTotal && rows.length === 0)
    count = after ? ((await countQuery(db, orgId, filter))[0]?.n ?? 0) : 0;
  return { rows: page, nextCursor, total: count };
}

const countQuery = (db: Executor, orgId: string, filter: AiSystemFilter) =>
  db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(aiSystems)
    .where(and(...aiSystemConditions(orgId, filter)));

const badCursor = () =>
  invalidInput("The cursor is not valid for this list; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
