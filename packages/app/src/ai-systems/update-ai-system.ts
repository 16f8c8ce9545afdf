import { and, eq } from "drizzle-orm";
import {
  aiSystemPolicy,
  authorize,
  decideUpdateAiSystem,
  UpdateAiSystemInput,
  type Actor,
  type AiSystemView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  activeOwnerName,
  findAiSystem,
  lockAiSystem,
  parseInput,
  presentAiSystem,
  toAiSystemState,
} from "./ai-system-records";

/** A partial update: only the fields sent are compared; nothing changed means no write and no event. */
export async function updateAiSystem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateAiSystemInput,
): Promise<AiSystemView> {
  const { version, ...changes } = parseInput(UpdateAiSystemInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAiSystem(tx, actor.orgId, id);
    authorize(actor, aiSystemPolicy, "update", current);
    const decision = decideUpdateAiSystem(toAiSystemState(current), changes, version);
    if (!decision) {
      const { row, ownerName } = await findAiSystem(tx, actor.orgId, id);
      return { result: presentAiSystem(actor, row, ownerName), events: [] };
    }
    const newOwner = decision.changes.ownerId;
    if (newOwner) await activeOwnerName(tx, actor.orgId, newOwner);
    await tx
      .update(tables.aiSystems)
      .set({ ...decision.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.aiSystems.orgId, actor.orgId), eq(tables.aiSystems.id, id)));
    const { row, ownerName } = await findAiSystem(tx, actor.orgId, id);
    return { result: presentAiSystem(actor, row, ownerName), events: [decision.event] };
  });
}
