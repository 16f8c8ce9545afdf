import { eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  DatasetListQuery,
  authorize,
  type Actor,
  type DatasetListQueryInput,
  type DatasetPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listByName } from "../shared/name-keyset-list";
import { presentDatasetSummary } from "./dataset-records";

const { datasets } = tables;

/** Datasets by name, keyset-paged on (name, id); filter by `q` (name, source, description) and `specialCategories`. */
export async function listDatasets(
  ctx: AppContext,
  actor: Actor,
  input: DatasetListQueryInput,
): Promise<DatasetPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { specialCategories, ...query } = parseInput(DatasetListQuery, input);
  const filters = specialCategories ? [eq(datasets.specialCategories, specialCategories === "true")] : [];
  const page = await listByName(ctx.database.db, datasets, actor.orgId, query, {
    searchIn: [datasets.name, datasets.source, datasets.description],
    filters,
    present: (row) => presentDatasetSummary(actor, row),
  });
  return { ...page, abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: null }) };
}
