import { eq, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  can,
  concernPolicy,
  ConcernListQuery,
  type Actor,
  type ConcernListQueryInput,
  type ConcernPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listNewestFirst } from "../shared/created-keyset-list";
import { presentConcern, selectConcernRecords } from "./concern-records";

const { concerns } = tables;

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
  const { page, nextCursor } = await listNewestFirst(
    concerns,
    { limit, cursor },
    conds,
    (where, orderBy, n) =>
      selectConcernRecords(ctx.database.db)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    (r) => [r.createdKey, r.row.id],
  );
  return {
    items: page.map((r) => presentConcern(actor, r)),
    nextCursor,
    abilities: {
      report: abilitiesOf(actor, concernPolicy, { reporterId: actor.userId }).report,
      manage: can(actor, "concern.manage"),
    },
  };
}
