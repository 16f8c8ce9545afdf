import { appliedControlPolicy, authorize, type Actor, type AppliedControlView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadAppliedControlView } from "./applied-control-records";

export async function getAppliedControl(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<AppliedControlView> {
  const view = await loadAppliedControlView(ctx.database.db, actor, id);
  authorize(actor, appliedControlPolicy, "read", { archivedAt: null });
  return view;
}
