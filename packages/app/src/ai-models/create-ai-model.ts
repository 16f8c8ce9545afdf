import { randomUUID } from "node:crypto";
import {
  aiModelPolicy,
  authorize,
  CreateAiModelInput,
  decideCreateAiModel,
  type Actor,
  type AiModelView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadAiModelView } from "./ai-model-records";

export async function createAiModel(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateAiModelInput,
): Promise<AiModelView> {
  authorize(actor, aiModelPolicy, "create", { archivedAt: null });
  const { links, ...fields } = parseInput(CreateAiModelInput, input);
  const now = ctx.now();
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const event = decideCreateAiModel(id, fields);
    await tx.insert(tables.aiModels).values({
      ...fields,
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceLinks(tx, actor.orgId, { type: "ai_model", id }, links, actor.userId);
    if (added.length > 0) event.payload.links = { added, removed: [] };
    return { result: await loadAiModelView(tx, actor, id), events: [event] };
  });
}
