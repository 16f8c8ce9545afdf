import { eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  AiModelListQuery,
  authorize,
  type Actor,
  type AiModelListQueryInput,
  type AiModelPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listByName } from "../shared/name-keyset-list";
import { presentAiModelSummary } from "./ai-model-records";

const { aiModels } = tables;

/** Models by name, keyset-paged on (name, id); filter by `q` (name, provider, base model) and `gpai`. */
export async function listAiModels(
  ctx: AppContext,
  actor: Actor,
  input: AiModelListQueryInput,
): Promise<AiModelPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { gpai, ...query } = parseInput(AiModelListQuery, input);
  const filters = gpai ? [eq(aiModels.gpai, gpai === "true")] : [];
  const page = await listByName(ctx.database.db, aiModels, actor.orgId, query, {
    searchIn: [aiModels.name, aiModels.provider, aiModels.baseModel],
    filters,
    present: (row) => presentAiModelSummary(actor, row),
  });
  return { ...page, abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: null }) };
}
