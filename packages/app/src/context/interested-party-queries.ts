import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  contextPolicy,
  invalidInput,
  PageQuery,
  PartyTypeSchema,
  type Actor,
  type InterestedPartyPage,
  type InterestedPartyView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { z } from "zod";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { findParty, presentParties, presentParty } from "./party-records";

const { interestedParties } = tables;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const InterestedPartyListQuery = PageQuery.extend({ type: PartyTypeSchema.optional() });

export async function getInterestedParty(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<InterestedPartyView> {
  authorize(actor, contextPolicy, "read", {});
  const { db } = ctx.database;
  return presentParty(db, actor, await findParty(db, actor.orgId, id));
}

/** Parties by name (case-insensitive), keyset-paged, each with its requirements. */
export async function listInterestedParties(
  ctx: AppContext,
  actor: Actor,
  input: z.input<typeof InterestedPartyListQuery>,
): Promise<InterestedPartyPage> {
  authorize(actor, contextPolicy, "read", {});
  const q = parseInput(InterestedPartyListQuery, input);
  const conds: SQL[] = [eq(interestedParties.orgId, actor.orgId)];
  if (q.type) conds.push(eq(interestedParties.type, q.type));
  const nameKey = sql`lower(${interestedParties.name})`;
  const pageConds = [...conds];
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const [name, id] = after;
    if (typeof name !== "string" || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    pageConds.push(sql`(${nameKey}, ${interestedParties.id}) > (${name}, ${id}::uuid)`);
  }
  const { db } = ctx.database;
  const [rows, [count]] = await Promise.all([
    db
      .select({ row: interestedParties, nameKey: sql<string>`${nameKey}` })
      .from(interestedParties)
      .where(and(...pageConds))
      .orderBy(asc(nameKey), asc(interestedParties.id))
      .limit(q.limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(interestedParties)
      .where(and(...conds)),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const abilities = abilitiesOf(actor, contextPolicy, {});
  return {
    items: await presentParties(
      db,
      actor,
      page.map((r) => r.row),
      abilities,
    ),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.nameKey, last.row.id]) : null,
    total: count?.n ?? 0,
    abilities,
  };
}
