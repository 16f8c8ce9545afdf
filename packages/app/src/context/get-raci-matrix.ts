import { authorize, raciPolicy, type Actor, type RaciMatrixView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadRaciMatrix } from "./raci-records";

/** The RACI matrix with its rule check (exactly one A per activity) and the columns one can add. */
export async function getRaciMatrix(ctx: AppContext, actor: Actor): Promise<RaciMatrixView> {
  authorize(actor, raciPolicy, "read", {});
  return loadRaciMatrix(ctx.database.db, actor);
}
