import { authorize, diffSoaSnapshots, soaPolicy, type Actor, type SoaDiff } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findSoaSnapshot } from "./soa-version-records";

/** What changed from version `against` to version `number` (either may be the older one). */
export async function diffSoaVersions(
  ctx: AppContext,
  actor: Actor,
  number: number,
  against: number,
): Promise<SoaDiff> {
  authorize(actor, soaPolicy, "read", {});
  const { db } = ctx.database;
  const [from, to] = await Promise.all([
    findSoaSnapshot(db, actor.orgId, against),
    findSoaSnapshot(db, actor.orgId, number),
  ]);
  return diffSoaSnapshots({ number: against, entries: from.entries }, { number, entries: to.entries });
}
