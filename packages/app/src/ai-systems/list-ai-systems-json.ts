import {
  abilitiesOf,
  aiSystemPolicy,
  AiSystemListQuery,
  authorize,
  type Actor,
  type AiSystemListQueryInput,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import { parseInput } from "./ai-system-records";
import { selectAiSystemPageJson } from "./ai-system-query";

/** `AiSystemPage` with its items already written as JSON text (see `listAiSystemsJson`). */
export interface AiSystemPageJson {
  /** the page's items, each the JSON text of an `AiSystemView`, in list order */
  items: string[];
  nextCursor: string | null;
  total: number;
  abilities: Record<string, boolean>;
}

/**
 * The list of `listAiSystems` for the HTTP route: same authorization, filters, sorts, keyset cursor and total,
 * but each item's JSON is written by PostgreSQL (one query, no object per row in Node). `listAiSystems` stays
 * the reference: a test checks that both give the same bytes.
 */
export async function listAiSystemsJson(
  ctx: AppContext,
  actor: Actor,
  input: AiSystemListQueryInput,
): Promise<AiSystemPageJson> {
  authorize(actor, aiSystemPolicy, "read", { archivedAt: null });
  const { limit, cursor, sort, ...filter } = parseInput(AiSystemListQuery, input);
  const live = abilitiesOf(actor, aiSystemPolicy, { archivedAt: null });
  const archived = abilitiesOf(actor, aiSystemPolicy, { archivedAt: new Date(0) });
  const page = await selectAiSystemPageJson(ctx.database.db, actor.orgId, filter, sort, limit, cursor, {
    live: JSON.stringify(live),
    archived: JSON.stringify(archived),
  });
  return { items: page.items, nextCursor: page.nextCursor, total: page.total ?? 0, abilities: live };
}
