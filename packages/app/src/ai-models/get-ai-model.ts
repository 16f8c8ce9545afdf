import { and, eq, inArray, or } from "drizzle-orm";
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
import { inheritedVendorAttention } from "../vendors/vendor-attention";

export async function getAiModel(ctx: AppContext, actor: Actor, id: string): Promise<AiModelView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  return loadAiModelView(ctx.database.db, actor, id);
}

/**
 * The components of an AI system (the models linked to it and the datasets linked to it or to those models,
 * archived ones included) and the attention flags they pass on, computed on read. Another org's system is a 404.
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
  // datasets linked to the system itself or to one of its models
  const rl = tables.recordLinks;
  const via = await db
    .select({ datasetId: rl.sourceId, targetType: rl.targetType, targetId: rl.targetId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, actor.orgId),
        eq(rl.sourceType, "dataset"),
        or(
          and(eq(rl.targetType, "ai_system"), eq(rl.targetId, systemId)),
          ids.length > 0 ? and(eq(rl.targetType, "ai_model"), inArray(rl.targetId, ids)) : undefined,
        ),
      ),
    );
  const datasetIds = [...new Set(via.map((v) => v.datasetId))];
  const dsRows =
    datasetIds.length === 0
      ? []
      : await db
          .select()
          .from(tables.datasets)
          .where(and(eq(tables.datasets.orgId, actor.orgId), inArray(tables.datasets.id, datasetIds)))
          .orderBy(tables.datasets.name, tables.datasets.id);
  const datasets = dsRows.map((d) => {
    const direct = via.some((v) => v.datasetId === d.id && v.targetType === "ai_system");
    return {
      id: d.id,
      name: d.name,
      personalData: d.personalData,
      specialCategories: d.specialCategories,
      archivedAt: d.archivedAt?.toISOString() ?? null,
      via: direct ? "system" : via.find((v) => v.datasetId === d.id)!.targetId,
    };
  });
  return {
    systemId,
    models: rows.map((r) => presentAiModelSummary(actor, r)),
    datasets,
    attention: [
      ...inheritedAttention(rows, dsRows),
      ...(await inheritedVendorAttention(
        db,
        actor.orgId,
        { systemId, modelIds: ids, datasetIds },
        ctx.now(),
      )),
    ],
  };
}
