import { and, asc, eq, gt, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { invalidInput } from "@openaims/core";
import type { Executor } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { decodeCursor, encodeCursor } from "./cursor";

/** A table listed by name: the columns the shared keyset list needs. */
export interface NamedTable extends PgTable {
  orgId: PgColumn;
  id: PgColumn;
  name: PgColumn;
  archivedAt: PgColumn;
}

export interface NameKeysetQuery {
  limit: number;
  cursor?: string | undefined;
  archived?: "true" | "false" | "all" | undefined;
  /** searched case-insensitively in `searchIn` */
  q?: string | undefined;
}

/**
 * One page of an org's records ordered by (name, id), keyset-paged; `filters` are the list's own conditions. The
 * inventory lists (models, datasets, vendors) share this so paging, search and the archived filter cannot drift.
 */
export async function listByName<T extends NamedTable, V extends { name: string; id: string }>(
  db: Executor,
  table: T,
  orgId: string,
  query: NameKeysetQuery,
  options: { searchIn: PgColumn[]; filters?: SQL[]; present: (row: T["$inferSelect"]) => V },
): Promise<{ items: V[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string"))
    throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const conds: SQL[] = [eq(table.orgId, orgId), ...(options.filters ?? [])];
  if (query.archived === "false") conds.push(isNull(table.archivedAt));
  if (query.archived === "true") conds.push(isNotNull(table.archivedAt));
  if (query.q) {
    const p = `%${escapeLike(query.q)}%`;
    conds.push(or(...options.searchIn.map((c) => ilike(c, p)))!);
  }
  if (after) {
    const [name, id] = after as string[];
    conds.push(or(gt(table.name, name!), and(eq(table.name, name!), gt(table.id, id!)))!);
  }
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(...conds))
    .orderBy(asc(table.name), asc(table.id))
    .limit(query.limit + 1)) as T["$inferSelect"][];
  const items = rows.slice(0, query.limit).map(options.present);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
