import { randomUUID } from "node:crypto";
import {
  authorize,
  CreateObjectiveInput,
  decideCreateObjective,
  objectivePolicy,
  type Actor,
  type ObjectiveFields,
  type ObjectiveView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadObjectiveView, utcDate } from "./objective-records";

export async function createObjective(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateObjectiveInput,
): Promise<ObjectiveView> {
  authorize(actor, objectivePolicy, "create", { archivedAt: null });
  const { links, startDate, ...rest } = parseInput(CreateObjectiveInput, input);
  const now = ctx.now();
  const fields: ObjectiveFields = { ...rest, startDate: startDate ?? utcDate(now) };
  return runCommand(ctx, actor, meta, async (tx) => {
    if (fields.ownerId) await activeOwnerName(tx, actor.orgId, fields.ownerId);
    const id = randomUUID();
    const event = decideCreateObjective(id, fields);
    await tx.insert(tables.objectives).values({
      ...fields,
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceLinks(tx, actor.orgId, { type: "objective", id }, links, actor.userId);
    if (added.length > 0) event.payload.links = { added, removed: [] };
    return { result: await loadObjectiveView(tx, actor, id, now), events: [event] };
  });
}
