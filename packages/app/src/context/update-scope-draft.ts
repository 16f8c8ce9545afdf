import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideEditScopeDraft,
  scopePolicy,
  UpdateScopeDraftInput,
  type Actor,
  type ScopeVersionView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findScopeVersion, presentScopeVersion, toScopeState } from "./scope-records";

/** Edits a draft; the editor becomes one of the people who may not approve it. */
export async function updateScopeDraft(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  input: UpdateScopeDraftInput,
): Promise<ScopeVersionView> {
  const { version, ...changes } = parseInput(UpdateScopeDraftInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findScopeVersion(tx, actor.orgId, number, { lock: true });
    const state = toScopeState(current);
    authorize(actor, scopePolicy, "edit", state);
    const decision = decideEditScopeDraft(state, changes, version);
    if (!decision) return { result: await presentScopeVersion(tx, actor, current), events: [] };
    const [row] = await tx
      .update(tables.scopeVersions)
      .set({
        ...decision.changes,
        lastEditedBy: actor.userId,
        editorIds: [...new Set([...current.editorIds, actor.userId])],
        version: current.version + 1,
        updatedAt: ctx.now(),
      })
      .where(and(eq(tables.scopeVersions.orgId, actor.orgId), eq(tables.scopeVersions.id, current.id)))
      .returning();
    return { result: await presentScopeVersion(tx, actor, row!), events: [decision.event] };
  });
}
