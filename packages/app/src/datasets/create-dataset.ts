import { randomUUID } from "node:crypto";
import {
  aiModelPolicy,
  authorize,
  CreateDatasetInput,
  decideCreateDataset,
  type Actor,
  type DatasetView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadDatasetView } from "./dataset-records";

export async function createDataset(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateDatasetInput,
): Promise<DatasetView> {
  authorize(actor, aiModelPolicy, "create", { archivedAt: null });
  const { links, ...fields } = parseInput(CreateDatasetInput, input);
  const now = ctx.now();
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const event = decideCreateDataset(id, fields);
    await tx.insert(tables.datasets).values({
      ...fields,
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceLinks(tx, actor.orgId, { type: "dataset", id }, links, actor.userId);
    if (added.length > 0) event.payload.links = { added, removed: [] };
    return { result: await loadDatasetView(tx, actor, id), events: [event] };
  });
}
