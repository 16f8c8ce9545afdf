import {
  authorize,
  contextPolicy,
  decideArchiveIssue,
  type Actor,
  type ContextIssueView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { writeArchived } from "../shared/archive-row";
import { runCommand } from "../shared/run-command";
import { findIssue, presentIssue, todayOf } from "./context-issue-records";

/** Archiving takes an issue out of the live context (and out of readiness); restoring brings it back. */
export async function setContextIssueArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<ContextIssueView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findIssue(tx, actor.orgId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    const event = decideArchiveIssue(current.row, version, archive);
    const now = ctx.now();
    await writeArchived(
      tx,
      tables.contextIssues,
      { orgId: actor.orgId, id, version: current.row.version },
      archive,
      now,
    );
    const after = await findIssue(tx, actor.orgId, id);
    return { result: presentIssue(actor, after.row, after.ownerName, todayOf(now)), events: [event] };
  });
}
