import { and, eq } from "drizzle-orm";
import { aiModelPolicy, authorize, decideArchiveDataset, type Actor, type DatasetView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadDatasetView, lockDataset, toDatasetState } from "./dataset-records";

export const archiveDataset = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, true);

export const restoreDataset = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, false);

/** Archiving retires a dataset from the default list and stops it passing flags on; its links stay. */
async function setArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<DatasetView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockDataset(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, archive ? "archive" : "restore", current);
    const event = decideArchiveDataset(toDatasetState(current), version, archive);
    const now = ctx.now();
    await tx
      .update(tables.datasets)
      .set({ archivedAt: archive ? now : null, version: current.version + 1, updatedAt: now })
      .where(and(eq(tables.datasets.orgId, actor.orgId), eq(tables.datasets.id, id)));
    return { result: await loadDatasetView(tx, actor, id), events: [event] };
  });
}
