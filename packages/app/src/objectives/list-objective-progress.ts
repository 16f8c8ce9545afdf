import { and, desc, eq, sql } from "drizzle-orm";
import {
  authorize,
  invalidInput,
  objectivePolicy,
  PageQuery,
  type Actor,
  type ObjectiveProgressPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { z } from "zod";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { findObjective, presentProgress } from "./objective-records";

const { objectiveProgress: p, users } = tables;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every progress entry of one objective, newest observation first. */
export async function listObjectiveProgress(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: z.input<typeof PageQuery>,
): Promise<ObjectiveProgressPage> {
  authorize(actor, objectivePolicy, "read", { archivedAt: null });
  const { limit, cursor } = parseInput(PageQuery, input);
  const { db } = ctx.database;
  await findObjective(db, actor.orgId, objectiveId);
  const conds = [eq(p.orgId, actor.orgId), eq(p.objectiveId, objectiveId)];
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [at, id] = after;
    if (typeof at !== "string" || !ISO.test(at) || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(${p.observedAt}, ${p.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ row: p, name: users.name })
    .from(p)
    .leftJoin(users, eq(users.id, p.recordedBy))
    .where(and(...conds))
    .orderBy(desc(p.observedAt), desc(p.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentProgress(r.row, r.name)),
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.row.observedAt.toISOString(), last.row.id]) : null,
  };
}
