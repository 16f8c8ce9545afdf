import {
  authorize,
  decideArchiveEvidence,
  decideRestoreEvidence,
  evidencePolicy,
  type Actor,
  type EvidenceDetailView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { writeArchived } from "../shared/archive-row";
import { runCommand } from "../shared/run-command";
import { lockEvidence, toEvidenceState } from "./evidence-records";
import { loadEvidenceDetail } from "./get-evidence";

async function setArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<EvidenceDetailView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockEvidence(tx, actor.orgId, id);
    authorize(actor, evidencePolicy, archive ? "archive" : "restore", current);
    const state = toEvidenceState(current);
    const event = archive ? decideArchiveEvidence(state, version) : decideRestoreEvidence(state, version);
    const now = ctx.now();
    await writeArchived(
      tx,
      tables.evidence,
      { orgId: actor.orgId, id, version: current.version },
      archive,
      now,
    );
    return { result: await loadEvidenceDetail(tx, actor, id, now), events: [event] };
  });
}

/** Archived evidence leaves the default list and freezes; its file and links stay (audits may still need it). */
export const archiveEvidence = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, true);

export const restoreEvidence = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, false);
