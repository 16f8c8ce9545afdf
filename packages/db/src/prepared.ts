import type { Executor } from "./database";

// Why prepare: an ad-hoc query is rebuilt by Drizzle on every call and sent unnamed, so PostgreSQL parses
// and plans it every time; a named one is built once per process and parsed once per pooled connection
// (PGlite ignores the name). A statement name must always stand for the same SQL text.

const byDatabase = new WeakMap<Executor, Map<string, Map<string, unknown>>>();

function shapesOf(db: Executor, family: string): Map<string, unknown> {
  let families = byDatabase.get(db);
  if (!families) byDatabase.set(db, (families = new Map()));
  let shapes = families.get(family);
  if (!shapes) families.set(family, (shapes = new Map()));
  return shapes;
}

/**
 * The prepared statement `name` on this database handle (or open transaction, for as long as it lives),
 * built on first use and reused after.
 */
export function prepareOnce<P>(db: Executor, name: string, prepare: (name: string) => P): P {
  const shapes = shapesOf(db, name);
  let found = shapes.get("") as P | undefined;
  if (!found) shapes.set("", (found = prepare(name)));
  return found;
}

/**
 * The prepared statement for one `shape` (a short key of what varies in the SQL) of a query `family`,
 * named `family_shape`. Past `limit` shapes this returns null and the caller runs the query unprepared, so
 * the statements the server keeps on every pooled connection stay bounded whatever shapes clients ask for.
 */
export function prepareShape<P>(
  db: Executor,
  family: string,
  shape: string,
  limit: number,
  prepare: (name: string) => P,
): P | null {
  const shapes = shapesOf(db, family);
  const found = shapes.get(shape) as P | undefined;
  if (found) return found;
  if (shapes.size >= limit) return null;
  const made = prepare(`${family}_${shape}`);
  shapes.set(shape, made);
  return made;
}
