import { and, asc, eq, gt, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  DatasetListQuery,
  authorize,
  invalidInput,
  type Actor,
  type DatasetListQueryInput,
  type DatasetPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentDatasetSummary } from "./dataset-records";

const { datasets: aiModels } = tables;

/** Datasets by name, keyset-paged on (name, id); filter by `q` (name, source, description) and `specialCategories`. */
export async function listDatasets(
  ctx: AppContext,
  actor: Actor,
  input: DatasetListQueryInput,
): Promise<DatasetPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { limit, cursor, q, specialCategories, archived } = parseInput(DatasetListQuery, input);
  const after = decodeCursor(cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string"))
    throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const conds: SQL[] = [eq(aiModels.orgId, actor.orgId)];
  if (archived === "false") conds.push(isNull(aiModels.archivedAt));
  if (archived === "true") conds.push(isNotNull(aiModels.archivedAt));
  if (specialCategories) conds.push(eq(aiModels.specialCategories, specialCategories === "true"));
  if (q) {
    const p = `%${escapeLike(q)}%`;
    conds.push(or(ilike(aiModels.name, p), ilike(aiModels.source, p), ilike(aiModels.description, p))!);
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
  const items = rows.slice(0, limit).map((r) => presentDatasetSummary(actor, r));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    abilities: live,
  };
}
