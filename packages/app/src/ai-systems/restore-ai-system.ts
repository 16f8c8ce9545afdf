import type { Actor, AiSystemView } from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { setArchived } from "./archive-ai-system";

export async function restoreAiSystem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<AiSystemView> {
  return setArchived(ctx, actor, meta, id, version, false);
}
