import type { Actor, AppliedControlView } from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { setAppliedControlArchived } from "./archive-applied-control";

export async function restoreAppliedControl(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<AppliedControlView> {
  return setAppliedControlArchived(ctx, actor, meta, id, version, false);
}
