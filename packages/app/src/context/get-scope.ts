import { allows, anyScopeVersion, authorize, scopePolicy, type Actor, type ScopeView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { currentScopeRows, presentScopeVersion } from "./scope-records";

/** The scope in force and the version being worked on. */
export async function getScope(ctx: AppContext, actor: Actor): Promise<ScopeView> {
  const probe = anyScopeVersion;
  authorize(actor, scopePolicy, "read", probe);
  const { db } = ctx.database;
  const { approved, open } = await currentScopeRows(db, actor.orgId);
  return {
    approved: approved ? await presentScopeVersion(db, actor, approved) : null,
    draft: open ? await presentScopeVersion(db, actor, open) : null,
    abilities: {
      read: true,
      newDraft: open === null && allows(actor, scopePolicy, "newDraft", probe),
    },
  };
}
