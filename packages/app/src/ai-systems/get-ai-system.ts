import { aiSystemPolicy, authorize, notFound, type Actor, type AiSystemView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findAiSystemOrNull, presentAiSystem, type FoundAiSystem } from "./ai-system-records";

export { aiSystemAlong, type FoundAiSystem } from "./ai-system-records";

export async function getAiSystem(ctx: AppContext, actor: Actor, id: string): Promise<AiSystemView> {
  return aiSystemDetail(actor, await findAiSystemOrNull(ctx.database.db, actor.orgId, id));
}

/**
 * The detail of a system already read — on its own (`getAiSystem`) or along with the caller's credential
 * (`aiSystemAlong`, the HTTP route): not there is 404, before the read permission (403), as always.
 */
export function aiSystemDetail(actor: Actor, found: FoundAiSystem | null): AiSystemView {
  if (!found) throw notFound("AI system");
  authorize(actor, aiSystemPolicy, "read", found.row);
  return presentAiSystem(actor, found.row, found.ownerName);
}
