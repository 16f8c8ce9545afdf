import { and, eq, inArray } from "drizzle-orm";
import {
  aiModelPolicy,
  authorize,
  inheritedAttention,
  notFound,
  type Actor,
  type AiModelView,
  type AiSystemComponentsView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { sourcesLinkedTo } from "../shared/links";
import { loadAiModelView, presentAiModelSummary } from "./ai-model-records";

export async function getAiModel(ctx: AppContext, actor: Actor, id: string): Promise<AiModelView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  return loadAiModelView(ctx.database.db, actor, id);
}

/**
 * The components of an AI system (the models linked to it, archived ones included) and the attention flags they
 * pass on, computed on read. Another org's system is a 404.
 */
export async function getAiSystemComponents(
  ctx: AppContext,
  actor: Actor,
  systemId: string,
): Promise<AiSystemComponentsView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { db } = ctx.database;
  const [system] = await db
    .select({ id: tables.aiSystems.id })
    .from(tables.aiSystems)
    .where(and(eq(tables.aiSystems.orgId, actor.orgId), eq(tables.aiSystems.id, systemId)));
  if (!system) throw notFound("AI system");
  const ids = await sourcesLinkedTo(db, actor.orgId, "ai_model", { type: "ai_system", id: systemId });
  const rows =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(tables.aiModels)
          .where(and(eq(tables.aiModels.orgId, actor.orgId), inArray(tables.aiModels.id, ids)))
          .orderBy(tables.aiModels.name, tables.aiModels.id);
  return {
    systemId,
    models: rows.map((r) => presentAiModelSummary(actor, r)),
    attention: inheritedAttention(rows),
  };
}
