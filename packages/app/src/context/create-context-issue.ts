import { randomUUID } from "node:crypto";
import {
  authorize,
  contextIssueFieldNames,
  contextPolicy,
  CreateContextIssueInput,
  decideCreateRecord,
  type Actor,
  type ContextIssueView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { presentIssue, todayOf } from "./context-issue-records";

/** Records an internal or external issue (4.1). */
export async function createContextIssue(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateContextIssueInput,
): Promise<ContextIssueView> {
  authorize(actor, contextPolicy, "write", {});
  const fields = parseInput(CreateContextIssueInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const ownerName = fields.ownerId ? await activeOwnerName(tx, actor.orgId, fields.ownerId) : null;
    const id = randomUUID();
    const event = decideCreateRecord("context_issue", id, fields, contextIssueFieldNames);
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.contextIssues)
      .values({ ...fields, id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    return { result: presentIssue(actor, row!, ownerName, todayOf(now)), events: [event] };
  });
}
