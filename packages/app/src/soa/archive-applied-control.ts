import {
  appliedControlPolicy,
  authorize,
  decideArchiveAppliedControl,
  decideRestoreAppliedControl,
  type Actor,
  type AppliedControlView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { writeArchived } from "../shared/archive-row";
import { runCommand } from "../shared/run-command";
import { loadAppliedControlView, lockAppliedControl, toAppliedControlState } from "./applied-control-records";

/**
 * Archiving keeps the control and its links (frozen SoA versions still name it) but drops it from the working
 * SoA: it no longer counts as implementing a control, and an additional control leaves the SoA.
 */
export async function archiveAppliedControl(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<AppliedControlView> {
  return setAppliedControlArchived(ctx, actor, meta, id, version, true);
}

export async function setAppliedControlArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<AppliedControlView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAppliedControl(tx, actor.orgId, id);
    authorize(actor, appliedControlPolicy, archive ? "archive" : "restore", current);
    const state = toAppliedControlState(current);
    const event = archive
      ? decideArchiveAppliedControl(state, version)
      : decideRestoreAppliedControl(state, version);
    const now = ctx.now();
    await writeArchived(
      tx,
      tables.appliedControls,
      { orgId: actor.orgId, id, version: current.version },
      archive,
      now,
    );
    return { result: await loadAppliedControlView(tx, actor, id), events: [event] };
  });
}
