import { aiSystemPolicy, authorize, type Actor, type AiSystemView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findAiSystem, presentAiSystem } from "./ai-system-records";

export async function getAiSystem(ctx: AppContext, actor: Actor, id: string): Promise<AiSystemView> {
  const { row, ownerName } = await findAiSystem(ctx.database.db, actor.orgId, id);
  authorize(actor, aiSystemPolicy, "read", row);
  return presentAiSystem(actor, row, ownerName);
}
