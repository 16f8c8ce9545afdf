import {
  abilitiesOf,
  aiSystemPolicy,
  AiSystemListQuery,
  authorize,
  type Actor,
  type AiSystemListQueryInput,
  type AiSystemPage,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import { parseInput, presentAiSystem } from "./ai-system-records";
import { countAiSystems, selectAiSystemPage } from "./ai-system-query";

/** Two queries whatever the page size: the page (owners joined) and the total for the filter. */
export async function listAiSystems(
  ctx: AppContext,
  actor: Actor,
  input: AiSystemListQueryInput,
): Promise<AiSystemPage> {
  authorize(actor, aiSystemPolicy, "read", { archivedAt: null });
  const { limit, cursor, sort, ...filter } = parseInput(AiSystemListQuery, input);
  const { db } = ctx.database;
  const [page, total] = await Promise.all([
    selectAiSystemPage(db, actor.orgId, filter, sort, limit, cursor),
    countAiSystems(db, actor.orgId, filter),
  ]);
  return {
    items: page.rows.map((r) => presentAiSystem(actor, r.row, r.ownerName)),
    nextCursor: page.nextCursor,
    total,
    abilities: abilitiesOf(actor, aiSystemPolicy, { archivedAt: null }),
  };
}
