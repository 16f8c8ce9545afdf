import type { Actor, ConcernView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findReadableConcern, presentConcern } from "./concern-records";

export async function getConcern(ctx: AppContext, actor: Actor, id: string): Promise<ConcernView> {
  return presentConcern(actor, await findReadableConcern(ctx.database.db, actor, id));
}
