import { and, eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  notFound,
  type Actor,
  type AiModelState,
  type AiModelSummaryView,
  type AiModelView,
  type ModelCard,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf } from "../shared/links";

const { aiModels } = tables;
export type AiModelRow = typeof aiModels.$inferSelect;

export function toAiModelState(row: AiModelRow): AiModelState {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    modelVersion: row.modelVersion,
    modelType: row.modelType,
    providerKind: row.providerKind as AiModelState["providerKind"],
    provider: row.provider,
    baseModel: row.baseModel,
    gpai: row.gpai,
    trainingComputeFlop: row.trainingComputeFlop,
    licence: row.licence,
    intendedUse: row.intendedUse,
    limitations: row.limitations,
    evaluationSummary: row.evaluationSummary,
    modelCard: row.modelCard as ModelCard,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads and row-locks a model of the org for a write; another org's id is a 404. */
export async function lockAiModel(tx: Executor, orgId: string, id: string): Promise<AiModelRow> {
  const [row] = await tx
    .select()
    .from(aiModels)
    .where(and(eq(aiModels.orgId, orgId), eq(aiModels.id, id)))
    .for("update");
  if (!row) throw notFound("Model");
  return row;
}

export function presentAiModelSummary(
  actor: Actor,
  row: AiModelRow,
  abilities = abilitiesOf(actor, aiModelPolicy, { archivedAt: row.archivedAt }),
): AiModelSummaryView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    modelVersion: row.modelVersion,
    modelType: row.modelType,
    providerKind: row.providerKind as AiModelSummaryView["providerKind"],
    provider: row.provider,
    baseModel: row.baseModel,
    gpai: row.gpai,
    trainingComputeFlop: row.trainingComputeFlop,
    licence: row.licence,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

export async function loadAiModelView(db: Executor, actor: Actor, id: string): Promise<AiModelView> {
  const [row] = await db
    .select()
    .from(aiModels)
    .where(and(eq(aiModels.orgId, actor.orgId), eq(aiModels.id, id)));
  if (!row) throw notFound("Model");
  const links = await labelLinks(db, actor.orgId, await linksOf(db, actor.orgId, "ai_model", id));
  return {
    ...presentAiModelSummary(actor, row),
    intendedUse: row.intendedUse,
    limitations: row.limitations,
    evaluationSummary: row.evaluationSummary,
    modelCard: row.modelCard as ModelCard,
    links,
  };
}
