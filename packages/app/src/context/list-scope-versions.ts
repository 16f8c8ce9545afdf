import { and, desc, eq, lt, sql } from "drizzle-orm";
import {
  anyScopeVersion,
  authorize,
  invalidInput,
  PageQuery,
  scopePolicy,
  type Actor,
  type ScopeVersionPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { z } from "zod";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentScopeVersions } from "./scope-records";

const { scopeVersions } = tables;

/** Every scope version, newest first, keyset-paged by number. */
export async function listScopeVersions(
  ctx: AppContext,
  actor: Actor,
  input: z.input<typeof PageQuery>,
): Promise<ScopeVersionPage> {
  authorize(actor, scopePolicy, "read", anyScopeVersion);
  const q = parseInput(PageQuery, input);
  const after = decodeCursor(q.cursor, 1);
  const conds = [eq(scopeVersions.orgId, actor.orgId)];
  if (after) {
    const [n] = after;
    if (typeof n !== "number" || !Number.isInteger(n))
      throw invalidInput("The cursor is not valid; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(lt(scopeVersions.number, n));
  }
  const { db } = ctx.database;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(scopeVersions)
      .where(and(...conds))
      .orderBy(desc(scopeVersions.number))
      .limit(q.limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(scopeVersions)
      .where(eq(scopeVersions.orgId, actor.orgId)),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    items: await presentScopeVersions(db, actor, page),
    nextCursor: rows.length > q.limit ? encodeCursor([page[page.length - 1]!.number]) : null,
    total: count?.n ?? 0,
  };
}
