import { and, eq } from "drizzle-orm";
import {
  aiModelPolicy,
  authorize,
  datasetUpdatedEvent,
  decideUpdateDataset,
  UpdateDatasetInput,
  type Actor,
  type DatasetView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadDatasetView, lockDataset, toDatasetState } from "./dataset-records";

/** A partial update; `links`, when sent, replaces the set. Nothing changed means no write and no event. */
export async function updateDataset(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateDatasetInput,
): Promise<DatasetView> {
  const { version, links, ...changes } = parseInput(UpdateDatasetInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockDataset(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, "update", current);
    const decision = decideUpdateDataset(toDatasetState(current), changes, version);
    const linkChanges = links
      ? await replaceLinks(tx, actor.orgId, { type: "dataset", id }, links, actor.userId)
      : null;
    const linksChanged = !!linkChanges && linkChanges.added.length + linkChanges.removed.length > 0;
    if (!decision && !linksChanged) return { result: await loadDatasetView(tx, actor, id), events: [] };
    await tx
      .update(tables.datasets)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.datasets.orgId, actor.orgId), eq(tables.datasets.id, id)));
    return {
      result: await loadDatasetView(tx, actor, id),
      events: [datasetUpdatedEvent(id, decision?.diff ?? {}, linkChanges)],
    };
  });
}
