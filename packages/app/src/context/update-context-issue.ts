import { and, eq } from "drizzle-orm";
import {
  authorize,
  contextIssueFieldNames,
  contextPolicy,
  decideUpdateRecord,
  UpdateContextIssueInput,
  type Actor,
  type ContextIssueView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findIssue, presentIssue, todayOf, toIssueState } from "./context-issue-records";

/** Only the fields sent are compared; nothing changed means no write and no event. */
export async function updateContextIssue(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateContextIssueInput,
): Promise<ContextIssueView> {
  const { version, ...changes } = parseInput(UpdateContextIssueInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findIssue(tx, actor.orgId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    const decision = decideUpdateRecord(
      "context_issue",
      toIssueState(current.row),
      changes,
      version,
      contextIssueFieldNames,
      "This issue",
    );
    const today = todayOf(ctx.now());
    if (!decision) return { result: presentIssue(actor, current.row, current.ownerName, today), events: [] };
    if (decision.changes.ownerId) await activeOwnerName(tx, actor.orgId, decision.changes.ownerId);
    await tx
      .update(tables.contextIssues)
      .set({ ...decision.changes, version: current.row.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.contextIssues.orgId, actor.orgId), eq(tables.contextIssues.id, id)));
    const after = await findIssue(tx, actor.orgId, id);
    return { result: presentIssue(actor, after.row, after.ownerName, today), events: [decision.event] };
  });
}
