import { and, asc, eq, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  invalidInput,
  objectivePolicy,
  ObjectiveListQuery,
  type Actor,
  type ObjectiveListQueryInput,
  type ObjectivePage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentObjectiveSummary, progressSummaries } from "./objective-records";

const { objectives, users } = tables;

/**
 * How many objectives one list request considers. The status is derived (it depends on today), so a status
 * filter is applied after the SQL filters; an organization sets tens of AI objectives, not thousands.
 */
export const OBJECTIVE_LIST_SCAN_LIMIT = 2000;

/** Objectives by due date (soonest first), with their derived status; keyset-paged on (due date, id). */
export async function listObjectives(
  ctx: AppContext,
  actor: Actor,
  input: ObjectiveListQueryInput,
): Promise<ObjectivePage> {
  authorize(actor, objectivePolicy, "read", { archivedAt: null });
  const { limit, cursor, status, ownerId, q, archived } = parseInput(ObjectiveListQuery, input);
  const after = decodeCursor(cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string")) throw badCursor();
  const conds: SQL[] = [eq(objectives.orgId, actor.orgId)];
  if (archived === "false") conds.push(isNull(objectives.archivedAt));
  if (archived === "true") conds.push(isNotNull(objectives.archivedAt));
  if (ownerId) conds.push(eq(objectives.ownerId, ownerId));
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conds.push(
      or(
        ilike(objectives.title, pattern),
        ilike(objectives.description, pattern),
        ilike(objectives.measure, pattern),
      )!,
    );
  }
  const { db } = ctx.database;
  const rows = await db
    .select({ row: objectives, ownerName: users.name })
    .from(objectives)
    .leftJoin(users, eq(users.id, objectives.ownerId))
    .where(and(...conds))
    .orderBy(asc(objectives.dueDate), asc(objectives.id))
    .limit(OBJECTIVE_LIST_SCAN_LIMIT);
  const summaries = await progressSummaries(
    db,
    actor.orgId,
    rows.map((r) => r.row.id),
  );
  const now = ctx.now();
  const live = abilitiesOf(actor, objectivePolicy, { archivedAt: null });
  const frozen = abilitiesOf(actor, objectivePolicy, { archivedAt: now });
  const all = rows
    .map((r) =>
      presentObjectiveSummary(
        actor,
        r.row,
        r.ownerName,
        summaries.get(r.row.id),
        now,
        r.row.archivedAt ? frozen : live,
      ),
    )
    .filter((o) => !status || o.status === status);
  const [afterDue, afterId] = (after ?? []) as string[];
  const rest = after
    ? all.filter((o) => o.dueDate > afterDue! || (o.dueDate === afterDue && o.id > afterId!))
    : all;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rest.length > limit && last ? encodeCursor([last.dueDate, last.id]) : null,
    total: all.length,
    abilities: live,
  };
}

const badCursor = () =>
  invalidInput("The cursor is not valid for this list; start again from the first page.", {
    issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
  });
