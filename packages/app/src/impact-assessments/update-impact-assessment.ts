import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideUpdateImpactAssessment,
  impactAssessmentPolicy,
  UpdateImpactAssessmentInput,
  type Actor,
  type ImpactAssessmentView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  findAssessment,
  presentAssessment,
  toAssessmentState,
  versionCountOf,
} from "./impact-assessment-records";
import { syncAssessmentControls } from "./sync-controls";

/**
 * Edits an assessment: title, owner, review interval and date at any live status; the content (replaced whole) and
 * the variant only in a draft. Stale `version` → 409 `conflict`. Nothing different → unchanged, no event.
 */
export async function updateImpactAssessment(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateImpactAssessmentInput,
): Promise<ImpactAssessmentView> {
  const { version, ...changes } = parseInput(UpdateImpactAssessmentInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await findAssessment(tx, actor.orgId, id, true);
    authorize(actor, impactAssessmentPolicy, "update", {});
    const state = toAssessmentState(row, await versionCountOf(tx, actor.orgId, id));
    const decision = decideUpdateImpactAssessment(state, changes, version, actor.userId);
    if (!decision) return { result: await presentAssessment(tx, actor, row), events: [] };
    if (decision.changes.ownerId) await activeOwnerName(tx, actor.orgId, decision.changes.ownerId);
    if (decision.changes.content)
      await syncAssessmentControls(tx, actor.orgId, id, decision.changes.content, actor.userId);
    const [updated] = await tx
      .update(tables.impactAssessments)
      .set({ ...decision.changes, version: row.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.impactAssessments.orgId, actor.orgId), eq(tables.impactAssessments.id, id)))
      .returning();
    return { result: await presentAssessment(tx, actor, updated!), events: [decision.event] };
  });
}
