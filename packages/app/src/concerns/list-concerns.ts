import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  can,
  concernPolicy,
  ConcernListQuery,
  invalidInput,
  type Actor,
  type ConcernListQueryInput,
  type ConcernPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentConcern, selectConcernRecords } from "./concern-records";

const { concerns } = tables;
const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Newest first. Managers (`concern.manage`) see every concern; everyone else sees only the concerns they
 * reported under their name (`mine=true` narrows a manager's list the same way). Anonymous concerns belong to
 * nobody, so only managers ever list them.
 */
export async function listConcerns(
  ctx: AppContext,
  actor: Actor,
  input: ConcernListQueryInput,
): Promise<ConcernPage> {
  const { status, mine, limit, cursor } = parseInput(ConcernListQuery, input);
  const conds: SQL[] = [eq(concerns.orgId, actor.orgId)];
  if (mine || !can(actor, "concern.manage")) conds.push(eq(concerns.reporterId, actor.userId));
  if (status) conds.push(eq(concerns.status, status));
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [at, id] = after;
    if (typeof at !== "string" || !ISO_US.test(at) || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(${concerns.createdAt}, ${concerns.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await selectConcernRecords(ctx.database.db)
    .where(and(...conds))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentConcern(actor, r)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdKey, last.row.id]) : null,
    abilities: {
      report: abilitiesOf(actor, concernPolicy, { reporterId: actor.userId }).report,
      manage: can(actor, "concern.manage"),
    },
  };
}
