import { and, desc, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { invalidInput } from "@openaims/core";
import { decodeCursor, encodeCursor } from "./cursor";

const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A table listed newest first: the columns the created-at keyset needs. */
export interface CreatedTable {
  createdAt: PgColumn;
  id: PgColumn;
}

/** The creation time as text to the microsecond (UTC), so a cursor round-trips exactly; select it as the key. */
export const createdKeyOf = (createdAt: PgColumn) =>
  sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of records newest first, by (created_at, id) descending and keyset-paged. `conds` are the list's own
 * conditions (the org scope included); `fetch` runs the list's select with the where clause, order and limit
 * given (a limit one above the page size, to know whether a next page exists); `keyOf` reads a row's
 * `createdKeyOf` text and id. A cursor this list did not produce is a 400. Incidents, concerns and impact
 * assessments share this so their paging cannot drift.
 */
export async function listNewestFirst<R>(
  table: CreatedTable,
  query: { limit: number; cursor?: string | undefined },
  conds: SQL[],
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  keyOf: (row: R) => [createdKey: string, id: string],
): Promise<{ page: R[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2);
  const where = [...conds];
  if (after) {
    const [at, id] = after;
    if (typeof at !== "string" || !ISO_US.test(at) || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    where.push(sql`(${table.createdAt}, ${table.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await fetch(and(...where), [desc(table.createdAt), desc(table.id)], query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: rows.length > query.limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
