import { and, asc, eq, gt, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  AiModelListQuery,
  authorize,
  invalidInput,
  type Actor,
  type AiModelListQueryInput,
  type AiModelPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentAiModelSummary } from "./ai-model-records";

const { aiModels } = tables;

/** Models by name, keyset-paged on (name, id); filter by `q` (name, provider, base model) and `gpai`. */
export async function listAiModels(
  ctx: AppContext,
  actor: Actor,
  input: AiModelListQueryInput,
): Promise<AiModelPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { limit, cursor, q, gpai, archived } = parseInput(AiModelListQuery, input);
  const after = decodeCursor(cursor, 2);
  if (after && !(typeof after[0] === "string" && typeof after[1] === "string"))
    throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
      issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
    });
  const conds: SQL[] = [eq(aiModels.orgId, actor.orgId)];
  if (archived === "false") conds.push(isNull(aiModels.archivedAt));
  if (archived === "true") conds.push(isNotNull(aiModels.archivedAt));
  if (gpai) conds.push(eq(aiModels.gpai, gpai === "true"));
  if (q) {
    const p = `%${escapeLike(q)}%`;
    conds.push(or(ilike(aiModels.name, p), ilike(aiModels.provider, p), ilike(aiModels.baseModel, p))!);
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
  const items = rows.slice(0, limit).map((r) => presentAiModelSummary(actor, r));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    abilities: live,
  };
}
