import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { authorize, diffScopes, scopePolicy, type Actor, type ScopeDiffView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { findScopeVersion, toScopeState } from "./scope-records";

const { scopeVersions } = tables;

/**
 * What changed in version `number` against `against` — by default the latest earlier approved or superseded
 * version (what was in force before), else the previous number; the first version compares with an empty scope.
 */
export async function diffScopeVersions(
  ctx: AppContext,
  actor: Actor,
  number: number,
  against?: number,
): Promise<ScopeDiffView> {
  const { db } = ctx.database;
  const to = await findScopeVersion(db, actor.orgId, number);
  authorize(actor, scopePolicy, "read", toScopeState(to));
  let from = against !== undefined ? await findScopeVersion(db, actor.orgId, against) : null;
  if (against === undefined) {
    const earlier = (status: string[]) =>
      db
        .select()
        .from(scopeVersions)
        .where(
          and(
            eq(scopeVersions.orgId, actor.orgId),
            lt(scopeVersions.number, number),
            inArray(scopeVersions.status, status),
          ),
        )
        .orderBy(desc(scopeVersions.number))
        .limit(1);
    from =
      (await earlier(["approved", "superseded"]))[0] ?? (await earlier(["draft", "in_review"]))[0] ?? null;
  }
  const empty = { statement: "", inclusions: [], exclusions: [], boundaries: "" };
  return {
    from: from?.number ?? 0,
    to: number,
    diff: diffScopes(from ? toScopeState(from) : empty, toScopeState(to)),
  };
}
