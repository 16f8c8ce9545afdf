import { randomUUID } from "node:crypto";
import {
  aiSystemPolicy,
  authorize,
  CreateAiSystemInput,
  decideCreateAiSystem,
  type Actor,
  type AiSystemView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { activeOwnerName, parseInput, presentAiSystem } from "./ai-system-records";

export async function createAiSystem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateAiSystemInput,
): Promise<AiSystemView> {
  authorize(actor, aiSystemPolicy, "create", { archivedAt: null });
  const fields = parseInput(CreateAiSystemInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const ownerName = fields.ownerId ? await activeOwnerName(tx, actor.orgId, fields.ownerId) : null;
    const id = randomUUID();
    const event = decideCreateAiSystem(id, fields);
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.aiSystems)
      .values({ ...fields, id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    return { result: presentAiSystem(actor, row!, ownerName), events: [event] };
  });
}
