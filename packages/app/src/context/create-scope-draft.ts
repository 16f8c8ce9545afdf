import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  anyScopeVersion,
  authorize,
  decideNewScopeDraft,
  scopePolicy,
  type Actor,
  type ScopeVersionView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { currentScopeRows, lockScope, presentScopeVersion } from "./scope-records";

/** Starts the next scope version as a draft, copied from the scope in force (empty for the first one). */
export async function createScopeDraft(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
): Promise<ScopeVersionView> {
  authorize(actor, scopePolicy, "newDraft", anyScopeVersion);
  return runCommand(ctx, actor, meta, async (tx) => {
    await lockScope(tx, actor.orgId);
    const { approved, open } = await currentScopeRows(tx, actor.orgId);
    const [max] = await tx
      .select({ n: sql<number>`coalesce(max(${tables.scopeVersions.number}), 0)::int` })
      .from(tables.scopeVersions)
      .where(eq(tables.scopeVersions.orgId, actor.orgId));
    const id = randomUUID();
    const number = (max?.n ?? 0) + 1;
    const { fields, event } = decideNewScopeDraft(id, number, open, approved);
    const now = ctx.now();
    const [row] = await tx
      .insert(tables.scopeVersions)
      .values({
        ...fields,
        id,
        orgId: actor.orgId,
        number,
        status: "draft",
        authorId: actor.userId,
        lastEditedBy: actor.userId,
        editorIds: [actor.userId],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { result: await presentScopeVersion(tx, actor, row!), events: [event] };
  });
}
