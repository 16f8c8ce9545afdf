import { and, eq } from "drizzle-orm";
import {
  aiModelPolicy,
  aiModelUpdatedEvent,
  authorize,
  decideUpdateAiModel,
  UpdateAiModelInput,
  type Actor,
  type AiModelView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadAiModelView, lockAiModel, toAiModelState } from "./ai-model-records";

/** A partial update; `links`, when sent, replaces the set. Nothing changed means no write and no event. */
export async function updateAiModel(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateAiModelInput,
): Promise<AiModelView> {
  const { version, links, ...changes } = parseInput(UpdateAiModelInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAiModel(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, "update", current);
    const decision = decideUpdateAiModel(toAiModelState(current), changes, version);
    const linkChanges = links
      ? await replaceLinks(tx, actor.orgId, { type: "ai_model", id }, links, actor.userId)
      : null;
    const linksChanged = !!linkChanges && linkChanges.added.length + linkChanges.removed.length > 0;
    if (!decision && !linksChanged) return { result: await loadAiModelView(tx, actor, id), events: [] };
    await tx
      .update(tables.aiModels)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.aiModels.orgId, actor.orgId), eq(tables.aiModels.id, id)));
    return {
      result: await loadAiModelView(tx, actor, id),
      events: [aiModelUpdatedEvent(id, decision?.diff ?? {}, linkChanges)],
    };
  });
}
