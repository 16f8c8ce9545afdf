import { authorize, objectivePolicy, type Actor, type ObjectiveView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadObjectiveView } from "./objective-records";

export async function getObjective(ctx: AppContext, actor: Actor, id: string): Promise<ObjectiveView> {
  authorize(actor, objectivePolicy, "read", { archivedAt: null });
  return loadObjectiveView(ctx.database.db, actor, id, ctx.now());
}
