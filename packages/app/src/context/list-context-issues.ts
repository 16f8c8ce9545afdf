import { and, asc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  contextPolicy,
  ContextIssueListQuery,
  invalidInput,
  type Actor,
  type ContextIssuePage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentIssue, todayOf } from "./context-issue-records";

const { contextIssues, users } = tables;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Issues by kind (external first… alphabetically: external, internal), then title; keyset-paged. */
export async function listContextIssues(
  ctx: AppContext,
  actor: Actor,
  input: ContextIssueListQuery,
): Promise<ContextIssuePage> {
  authorize(actor, contextPolicy, "read", {});
  const q = parseInput(ContextIssueListQuery, input);
  const conds: SQL[] = [eq(contextIssues.orgId, actor.orgId)];
  if (q.archived === "false") conds.push(isNull(contextIssues.archivedAt));
  if (q.archived === "true") conds.push(isNotNull(contextIssues.archivedAt));
  if (q.kind) conds.push(eq(contextIssues.kind, q.kind));
  if (q.topic) conds.push(eq(contextIssues.topic, q.topic));
  const filter = and(...conds);
  const titleKey = sql`lower(${contextIssues.title})`;
  const pageConds = [...conds];
  const after = decodeCursor(q.cursor, 3);
  if (after) {
    const [kind, title, id] = after;
    if (typeof kind !== "string" || typeof title !== "string" || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    pageConds.push(
      sql`(${contextIssues.kind}, ${titleKey}, ${contextIssues.id}) > (${kind}, ${title}, ${id}::uuid)`,
    );
  }
  const { db } = ctx.database;
  const [rows, [count]] = await Promise.all([
    db
      .select({ row: contextIssues, ownerName: users.name, titleKey: sql<string>`${titleKey}` })
      .from(contextIssues)
      .leftJoin(users, eq(users.id, contextIssues.ownerId))
      .where(and(...pageConds))
      .orderBy(asc(contextIssues.kind), asc(titleKey), asc(contextIssues.id))
      .limit(q.limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(contextIssues)
      .where(filter),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const abilities = abilitiesOf(actor, contextPolicy, {});
  const today = todayOf(ctx.now());
  return {
    items: page.map((r) => presentIssue(actor, r.row, r.ownerName, today, abilities)),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.row.kind, last.titleKey, last.row.id]) : null,
    total: count?.n ?? 0,
    abilities,
  };
}
