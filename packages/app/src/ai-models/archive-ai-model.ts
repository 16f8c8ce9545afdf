import { and, eq } from "drizzle-orm";
import { aiModelPolicy, authorize, decideArchiveAiModel, type Actor, type AiModelView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadAiModelView, lockAiModel, toAiModelState } from "./ai-model-records";

export const archiveAiModel = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, true);

export const restoreAiModel = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, false);

/** Archiving retires a model from the default list and stops it passing flags on; its links stay. */
async function setArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<AiModelView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAiModel(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, archive ? "archive" : "restore", current);
    const event = decideArchiveAiModel(toAiModelState(current), version, archive);
    const now = ctx.now();
    await tx
      .update(tables.aiModels)
      .set({ archivedAt: archive ? now : null, version: current.version + 1, updatedAt: now })
      .where(and(eq(tables.aiModels.orgId, actor.orgId), eq(tables.aiModels.id, id)));
    return { result: await loadAiModelView(tx, actor, id), events: [event] };
  });
}
