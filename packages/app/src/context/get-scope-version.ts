import { authorize, scopePolicy, type Actor, type ScopeVersionView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findScopeVersion, presentScopeVersion, toScopeState } from "./scope-records";

export async function getScopeVersion(
  ctx: AppContext,
  actor: Actor,
  number: number,
): Promise<ScopeVersionView> {
  const { db } = ctx.database;
  const row = await findScopeVersion(db, actor.orgId, number);
  authorize(actor, scopePolicy, "read", toScopeState(row));
  return presentScopeVersion(db, actor, row);
}
