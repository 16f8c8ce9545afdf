import { and, eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  notFound,
  type Actor,
  type Datasheet,
  type DatasetState,
  type DatasetSummaryView,
  type DatasetView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf } from "../shared/links";

const { datasets } = tables;
export type DatasetRow = typeof datasets.$inferSelect;

export function toDatasetState(row: DatasetRow): DatasetState {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    description: row.description,
    source: row.source,
    provenance: row.provenance,
    collectionMethod: row.collectionMethod,
    acquisitionTerms: row.acquisitionTerms,
    licence: row.licence,
    personalData: row.personalData,
    specialCategories: row.specialCategories,
    preparationSteps: row.preparationSteps,
    qualityChecks: row.qualityChecks,
    qualityResults: row.qualityResults,
    representativeness: row.representativeness,
    knownGaps: row.knownGaps,
    retention: row.retention,
    datasheet: row.datasheet as Datasheet,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads and row-locks a dataset of the org for a write; another org's id is a 404. */
export async function lockDataset(tx: Executor, orgId: string, id: string): Promise<DatasetRow> {
  const [row] = await tx
    .select()
    .from(datasets)
    .where(and(eq(datasets.orgId, orgId), eq(datasets.id, id)))
    .for("update");
  if (!row) throw notFound("Dataset");
  return row;
}

export function presentDatasetSummary(actor: Actor, row: DatasetRow): DatasetSummaryView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    source: row.source,
    licence: row.licence,
    personalData: row.personalData,
    specialCategories: row.specialCategories,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: row.archivedAt }),
  };
}

export async function loadDatasetView(db: Executor, actor: Actor, id: string): Promise<DatasetView> {
  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.orgId, actor.orgId), eq(datasets.id, id)));
  if (!row) throw notFound("Dataset");
  const s = toDatasetState(row);
  const links = await labelLinks(db, actor.orgId, await linksOf(db, actor.orgId, "dataset", id));
  return {
    ...presentDatasetSummary(actor, row),
    description: s.description,
    provenance: s.provenance,
    collectionMethod: s.collectionMethod,
    acquisitionTerms: s.acquisitionTerms,
    preparationSteps: s.preparationSteps,
    qualityChecks: s.qualityChecks,
    qualityResults: s.qualityResults,
    representativeness: s.representativeness,
    knownGaps: s.knownGaps,
    retention: s.retention,
    datasheet: s.datasheet,
    links,
  };
}
