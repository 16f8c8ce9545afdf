import { authorize, soaPolicy, summarizeSoa, type Actor, type SoaVersionView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findSoaSnapshot, findSoaVersionSummary, presentSoaVersionSummary } from "./soa-version-records";

/** One frozen version with its entries exactly as they were when it was created. */
export async function getSoaVersion(ctx: AppContext, actor: Actor, number: number): Promise<SoaVersionView> {
  authorize(actor, soaPolicy, "read", {});
  const { db } = ctx.database;
  const [row, snapshot] = await Promise.all([
    findSoaVersionSummary(db, actor.orgId, number),
    findSoaSnapshot(db, actor.orgId, number),
  ]);
  return {
    ...presentSoaVersionSummary(actor, row),
    frameworkId: snapshot.frameworkId,
    entries: snapshot.entries,
    // gaps as of the freeze: evidence valid on the day the version was created
    summary: summarizeSoa(snapshot.entries, row.createdAt.toISOString().slice(0, 10)),
  };
}
