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
import { selectAiSystemPage } from "./ai-system-query";

/** One query whatever the page size: the page, its owners joined, and the total for the filter. */
export async function listAiSystems(
  ctx: AppContext,
  actor: Actor,
  input: AiSystemListQueryInput,
): Promise<AiSystemPage> {
  authorize(actor, aiSystemPolicy, "read", { archivedAt: null });
  const { limit, cursor, sort, ...filter } = parseInput(AiSystemListQuery, input);
  const { db } = ctx.database;
  const page = await selectAiSystemPage(db, actor.orgId, filter, sort, limit, cursor, { withTotal: true });
  // abilities depend on the actor and the archived state only: compute each map once, not per row
  const live = abilitiesOf(actor, aiSystemPolicy, { archivedAt: null });
  const archived = abilitiesOf(actor, aiSystemPolicy, { archivedAt: new Date(0) });
  return {
    items: page.rows.map((r) =>
      presentAiSystem(actor, r.row, r.ownerName, r.row.archivedAt ? archived : live),
    ),
    nextCursor: page.nextCursor,
    total: page.total ?? 0,
    abilities: live,
  };
}
