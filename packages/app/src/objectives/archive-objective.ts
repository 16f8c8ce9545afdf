import {
  authorize,
  decideArchiveObjective,
  objectivePolicy,
  type Actor,
  type ObjectiveView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { writeArchived } from "../shared/archive-row";
import { runCommand } from "../shared/run-command";
import { loadObjectiveView, lockObjective, toObjectiveState } from "./objective-records";

/** Archiving retires an objective from the default list and freezes it; its progress stays. */
export function archiveObjective(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) {
  return setObjectiveArchived(ctx, actor, meta, id, version, true);
}

export function restoreObjective(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) {
  return setObjectiveArchived(ctx, actor, meta, id, version, false);
}

async function setObjectiveArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<ObjectiveView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockObjective(tx, actor.orgId, id);
    authorize(actor, objectivePolicy, archive ? "archive" : "restore", current);
    const event = decideArchiveObjective(toObjectiveState(current), version, archive);
    const now = ctx.now();
    await writeArchived(
      tx,
      tables.objectives,
      { orgId: actor.orgId, id, version: current.version },
      archive,
      now,
    );
    return { result: await loadObjectiveView(tx, actor, id, now), events: [event] };
  });
}
