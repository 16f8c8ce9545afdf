import { aiModelPolicy, authorize, type Actor, type DatasetView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadDatasetView } from "./dataset-records";

export async function getDataset(ctx: AppContext, actor: Actor, id: string): Promise<DatasetView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  return loadDatasetView(ctx.database.db, actor, id);
}
