import {
  abilitiesOf,
  authorize,
  soaFrameworkId,
  soaPolicy,
  summarizeSoa,
  type Actor,
  type SoaEntryView,
  type SoaView,
} from "@openaims/core";
import type { Executor } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { latestAndApproved, presentSoaVersionSummary } from "./soa-version-records";
import { loadSoaWorkingState, toSnapshotEntry, type WorkingSoaEntry } from "./soa-working-state";

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function presentSoaEntry(w: WorkingSoaEntry, abilities: Record<string, boolean>): SoaEntryView {
  return {
    ...toSnapshotEntry(w),
    entryId: w.entryId,
    version: w.version,
    updatedAt: w.updatedAt?.toISOString() ?? null,
    abilities,
  };
}

export async function buildSoaView(ctx: AppContext, db: Executor, actor: Actor): Promise<SoaView> {
  const [entries, versions] = await Promise.all([
    loadSoaWorkingState(db, actor.orgId),
    latestAndApproved(db, actor.orgId),
  ]);
  const abilities = abilitiesOf(actor, soaPolicy, {});
  const entryAbilities = { update: abilities.update };
  return {
    frameworkId: soaFrameworkId,
    entries: entries.map((e) => presentSoaEntry(e, entryAbilities)),
    summary: summarizeSoa(entries, isoDay(ctx.now())),
    latestVersion: versions.latest ? presentSoaVersionSummary(actor, versions.latest) : null,
    approvedVersion: versions.approved ? presentSoaVersionSummary(actor, versions.approved) : null,
    abilities,
  };
}

/** The SoA as it stands now: one entry per Annex A control and per additional control. */
export async function getSoa(ctx: AppContext, actor: Actor): Promise<SoaView> {
  authorize(actor, soaPolicy, "read", {});
  return buildSoaView(ctx, ctx.database.db, actor);
}
