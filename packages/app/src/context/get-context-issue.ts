import { authorize, contextPolicy, type Actor, type ContextIssueView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { findIssue, presentIssue, todayOf } from "./context-issue-records";

export async function getContextIssue(ctx: AppContext, actor: Actor, id: string): Promise<ContextIssueView> {
  authorize(actor, contextPolicy, "read", {});
  const { row, ownerName } = await findIssue(ctx.database.db, actor.orgId, id);
  return presentIssue(actor, row, ownerName, todayOf(ctx.now()));
}
