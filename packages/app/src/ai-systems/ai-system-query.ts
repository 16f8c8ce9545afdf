import type { AnyPgColumn, SelectedFields } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, isNotNull, isNull, like, sql, type SQL } from "drizzle-orm";
import { invalidInput, type AiSystemFilter, aiSystemSortKeys, AiSystemView } from "@openaims/core";
import { prepareShape, tables, type Db } from "@openaims/db";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { aiSystemColumns, type AiSystemRow } from "./ai-system-records";

const { aiSystems, aiSystemCounts, users } = tables;
type SortKey = (typeof aiSystemSortKeys)[number];

/** `%`, `_` and `\` typed by a user are meant literally. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const p = sql.placeholder;

/**
 * Every condition starts with the org, so each list query is served by an index that starts with org_id.
 * Values are placeholders (filled from `listValues`), so one SQL text serves every value of a shape.
 */
export function aiSystemConditions(f: AiSystemFilter): SQL[] {
  const conds: SQL[] = [eq(aiSystems.orgId, p("orgId"))];
  if (f.archived === "false") conds.push(isNull(aiSystems.archivedAt));
  if (f.archived === "true") conds.push(isNotNull(aiSystems.archivedAt));
  if (f.lifecycleStage) conds.push(eq(aiSystems.lifecycleStage, p("lifecycleStage")));
  if (f.aiType) conds.push(eq(aiSystems.aiType, p("aiType")));
  if (f.ownerId) conds.push(eq(aiSystems.ownerId, p("ownerId")));
  if (f.tag) conds.push(sql`${aiSystems.tags} @> ${p("tag")}::jsonb`);
  // search_text is lower() of name, purpose, description and business unit; lower the needle the same way
  if (f.q) conds.push(like(aiSystems.searchText, sql`lower(${p("q")})`));
  return conds;
}

function listValues(orgId: string, f: AiSystemFilter): Record<string, unknown> {
  return {
    orgId,
    lifecycleStage: f.lifecycleStage,
    aiType: f.aiType,
    ownerId: f.ownerId,
    tag: f.tag === undefined ? undefined : JSON.stringify([f.tag]),
    q: f.q === undefined ? undefined : `%${escapeLike(f.q)}%`,
  };
}

/** What varies in the SQL text of a page query: the sort, which filters are set, cursor, total. */
function shapeOf(f: AiSystemFilter, sort: SortKey, after: boolean, withTotal: boolean): string {
  const set = [f.lifecycleStage, f.aiType, f.ownerId].map((v) => (v === undefined ? "0" : "1")).join("");
  return `${aiSystemSortKeys.indexOf(sort)}${f.archived[0]}${set}${after ? 1 : 0}${withTotal ? 1 : 0}`;
}
/** Shapes past this many run unprepared (see `prepareShape`). */
const MAX_PREPARED_SHAPES = 64;

interface SortSpec {
  /** exactly the expression the matching index is built on (see packages/db schema) */
  expr: SQL;
  /** the key as text for the cursor, losslessly (timestamps keep their microseconds) */
  asText: SQL<string>;
  /** the cursor's text turned back into the expression's type */
  fromText: (v: ReturnType<typeof sql.placeholder>) => SQL;
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
  db: Db,
  orgId: string,
  filter: AiSystemFilter,
  sort: SortKey,
  limit: number,
  cursor: string | undefined,
  opts: { withTotal: boolean },
): Promise<{ rows: AiSystemPageRow[]; nextCursor: string | null; total: number | null }> {
  const page = await runPage(db, orgId, filter, sort, limit, cursor, opts, "rows", {});
  return {
    ...page,
    rows: page.rows.map(({ row, ownerName, ownerEmail }) => ({ row, ownerName, ownerEmail })),
  };
}

/**
 * The same page as `selectAiSystemPage` (same conditions, order, cursor and total), each item already written
 * as its JSON text by PostgreSQL in exactly the presenter's form (see `aiSystemItemJson`), so the server passes
 * the text on without building an object per row. `abilities` are the maps for live and archived systems.
 */
export async function selectAiSystemPageJson(
  db: Db,
  orgId: string,
  filter: AiSystemFilter,
  sort: SortKey,
  limit: number,
  cursor: string | undefined,
  abilities: { live: string; archived: string },
): Promise<{ items: string[]; nextCursor: string | null; total: number | null }> {
  const page = await runPage(db, orgId, filter, sort, limit, cursor, { withTotal: true }, "json", {
    liveAbilities: abilities.live,
    archivedAbilities: abilities.archived,
  });
  return { items: page.rows.map((r) => r.item), nextCursor: page.nextCursor, total: page.total };
}

/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it (PostgreSQL's MS truncates). */
const isoMillis = (col: AnyPgColumn) =>
  sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A jsonb array of strings written compactly, as JSON.stringify does (jsonb's own text puts a space after commas). */
const compactArray = (col: AnyPgColumn) =>
  sql`array_to_json(array(select jsonb_array_elements_text(${col})))`;

/** The SQL for each field of `AiSystemView`; written in the view's field order by `aiSystemItemJson`. */
const itemFields: Record<keyof AiSystemView, SQL> = {
  id: sql`${aiSystems.id}`,
  orgId: sql`${aiSystems.orgId}`,
  name: sql`${aiSystems.name}`,
  purpose: sql`${aiSystems.purpose}`,
  description: sql`${aiSystems.description}`,
  ownerId: sql`${aiSystems.ownerId}`,
  ownerName: sql`case when ${aiSystems.ownerId} is not null then ${users.name} end`,
  businessUnit: sql`${aiSystems.businessUnit}`,
  lifecycleStage: sql`${aiSystems.lifecycleStage}`,
  aiType: sql`${aiSystems.aiType}`,
  aiRoles: compactArray(aiSystems.aiRoles),
  deploymentContext: sql`${aiSystems.deploymentContext}`,
  geographies: compactArray(aiSystems.geographies),
  affectedStakeholders: compactArray(aiSystems.affectedStakeholders),
  humanOversight: sql`${aiSystems.humanOversight}`,
  tags: compactArray(aiSystems.tags),
  archivedAt: isoMillis(aiSystems.archivedAt),
  createdAt: isoMillis(aiSystems.createdAt),
  updatedAt: isoMillis(aiSystems.updatedAt),
  version: sql`${aiSystems.version}`,
  abilities: sql`case when ${aiSystems.archivedAt} is null then ${p("liveAbilities")}::json else ${p("archivedAbilities")}::json end`,
};
const viewFields = Object.keys(AiSystemView.shape) as (keyof AiSystemView)[];
if (viewFields.length !== Object.keys(itemFields).length || viewFields.some((f) => !itemFields[f]))
  throw new Error("ai-system-query: the SQL item fields no longer match AiSystemView");

/**
 * One list item as JSON text: `row_to_json` over a row with the view's field names in the view's order writes
 * compact JSON (no spaces) and escapes strings as JSON.stringify does; `json` parameters (the abilities) are
 * copied verbatim. Cast to text so the driver hands over the string without parsing it.
 */
const aiSystemItemJson = sql<string>`(select row_to_json(v) from (select ${sql.join(
  viewFields.map((f) => sql`${itemFields[f]} as ${sql.identifier(f)}`),
  sql`, `,
)}) v)::text`;

async function runPage<K extends "rows" | "json">(
  db: Db,
  orgId: string,
  filter: AiSystemFilter,
  sort: SortKey,
  limit: number,
  cursor: string | undefined,
  opts: { withTotal: boolean },
  kind: K,
  extra: Record<string, unknown>,
) {
  const spec = sortSpec(sort);
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new Error(`page size ${limit} is not a positive integer`);
  const values = { ...listValues(orgId, filter), ...extra };
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
    Object.assign(values, { afterKey: key, afterId: id });
  }
  const build = () => {
    const conds = aiSystemConditions(filter);
    if (after) {
      const cmp = spec.desc ? sql`<` : sql`>`;
      conds.push(
        sql`(${spec.expr}, ${aiSystems.id}) ${cmp} (${spec.fromText(p("afterKey"))}, ${p("afterId")}::uuid)`,
      );
    }
    const dir = spec.desc ? desc : asc;
    // The total rides along as an uncorrelated subquery (computed once), so a page is one round trip.
    const total = opts.withTotal ? sql<number>`(${totalQuery(db, filter)})`.mapWith(Number) : sql<null>`null`;
    const projection: SelectedFields =
      kind === "rows"
        ? { row: aiSystemColumns, ownerName: users.name, ownerEmail: users.email }
        : { item: aiSystemItemJson, id: aiSystems.id };
    return (
      db
        .select({ ...projection, sortKey: spec.asText, total })
        .from(aiSystems)
        .leftJoin(users, eq(users.id, aiSystems.ownerId))
        .where(and(...conds))
        .orderBy(dir(spec.expr), dir(aiSystems.id))
        // The page size is written into the SQL (it is an integer the schema bounds, and part of the shape):
        // with `limit $n` PostgreSQL cannot cost a generic plan and re-plans the statement on every execution
        // (~0.3 ms of database CPU for a 50-row page, measured).
        .limit(sql.raw(String(limit + 1)) as unknown as number)
    );
  };
  // Free-text filters stay unprepared: their plan depends on the pattern, which a generic plan cannot see.
  const prepared =
    filter.q === undefined && filter.tag === undefined
      ? prepareShape(
          db,
          kind === "rows" ? "openaims_ai_system_page" : "openaims_ai_system_json",
          `${shapeOf(filter, sort, !!after, opts.withTotal)}_${limit + 1}`,
          MAX_PREPARED_SHAPES,
          (name) => build().prepare(name),
        )
      : null;
  type Row = {
    row: AiSystemRow;
    ownerName: string | null;
    ownerEmail: string | null;
    item: string;
    id: string;
    sortKey: string;
    total: number | null;
  };
  const rows = (await (prepared ? prepared.execute(values) : build().execute(values))) as unknown as Row[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastId = last ? (kind === "rows" ? last.row.id : last.id) : null;
  const nextCursor = rows.length > limit && last ? encodeCursor([sort, last.sortKey, lastId]) : null;
  let count: number | null = rows[0]?.total ?? null;
  // No row to carry the total: without a cursor the filter matches nothing; after one, ask separately.
  if (opts.withTotal && rows.length === 0)
    count = after ? ((await totalQuery(db, filter).execute(values))[0]?.n ?? 0) : 0;
  return { rows: page, nextCursor, total: count };
}

/**
 * How many systems match the filter. Without filters beyond `archived` this reads the org's row of
 * ai_system_counts (kept exact by triggers, see packages/db): one row instead of a count over every system,
 * which was most of the database time of an unfiltered page. Filtered totals still count.
 */
function totalQuery(db: Db, filter: AiSystemFilter) {
  const unfiltered = [filter.lifecycleStage, filter.aiType, filter.ownerId, filter.tag, filter.q].every(
    (v) => v === undefined,
  );
  if (!unfiltered)
    return db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(aiSystems)
      .where(and(...aiSystemConditions(filter)));
  const { live, archived } = aiSystemCounts;
  const n =
    filter.archived === "false"
      ? sql`${live}`
      : filter.archived === "true"
        ? sql`${archived}`
        : sql`${live} + ${archived}`;
  // an org without a row has no systems: the empty select makes the scalar subquery null, read as 0
  return db
    .select({ n: sql<number>`${n}`.mapWith(Number) })
    .from(aiSystemCounts)
    .where(eq(aiSystemCounts.orgId, p("orgId")));
}

const badCursor = () =>
  invalidInput("The cursor is not valid for this list; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
