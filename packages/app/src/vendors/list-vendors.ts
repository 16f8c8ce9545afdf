import { and, asc, eq, gt, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  VendorListQuery,
  authorize,
  invalidInput,
  type Actor,
  type VendorListQueryInput,
  type VendorPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentVendorSummary } from "./vendor-records";

const { vendors: aiModels } = tables;

/** Vendors by name, keyset-paged on (name, id); filter by `q` (name, supplies, contract reference) and `riskRating`. */
export async function listVendors(
  ctx: AppContext,
  actor: Actor,
  input: VendorListQueryInput,
): Promise<VendorPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { limit, cursor, q, riskRating, archived } = parseInput(VendorListQuery, input);
  const after = decodeCursor(cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string"))
    throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const conds: SQL[] = [eq(aiModels.orgId, actor.orgId)];
  if (archived === "false") conds.push(isNull(aiModels.archivedAt));
  if (archived === "true") conds.push(isNotNull(aiModels.archivedAt));
  if (riskRating) conds.push(eq(aiModels.riskRating, riskRating));
  if (q) {
    const p = `%${escapeLike(q)}%`;
    conds.push(
      or(ilike(aiModels.name, p), ilike(aiModels.supplies, p), ilike(aiModels.contractReference, p))!,
    );
  }
  if (after) {
    const [name, id] = after as string[];
    conds.push(or(gt(aiModels.name, name!), and(eq(aiModels.name, name!), gt(aiModels.id, id!)))!);
  }
  const rows = await ctx.database.db
    .select()
    .from(aiModels)
    .where(and(...conds))
    .orderBy(asc(aiModels.name), asc(aiModels.id))
    .limit(limit + 1);
  const live = abilitiesOf(actor, aiModelPolicy, { archivedAt: null });
  const items = rows.slice(0, limit).map((r) => presentVendorSummary(actor, r, ctx.now()));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    abilities: live,
  };
}
