import {
  aiSystemPolicy,
  authorize,
  decideArchiveAiSystem,
  decideRestoreAiSystem,
  type Actor,
  type AiSystemView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { writeArchived } from "../shared/archive-row";
import { runCommand } from "../shared/run-command";
import { findAiSystem, lockAiSystem, presentAiSystem, toAiSystemState } from "./ai-system-records";

/** Archiving hides a system from the default list and freezes it; nothing is deleted. */
export async function archiveAiSystem(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<AiSystemView> {
  return setArchived(ctx, actor, meta, id, version, true);
}

export async function setArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<AiSystemView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockAiSystem(tx, actor.orgId, id);
    authorize(actor, aiSystemPolicy, archive ? "archive" : "restore", current);
    const state = toAiSystemState(current);
    const event = archive ? decideArchiveAiSystem(state, version) : decideRestoreAiSystem(state, version);
    const now = ctx.now();
    await writeArchived(
      tx,
      tables.aiSystems,
      { orgId: actor.orgId, id, version: current.version },
      archive,
      now,
    );
    const { row, ownerName } = await findAiSystem(tx, actor.orgId, id);
    return { result: presentAiSystem(actor, row, ownerName), events: [event] };
  });
}
