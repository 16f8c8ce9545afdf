import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideImpactAssessmentAction,
  impactAssessmentPolicy,
  ImpactAssessmentActionInput,
  summarizeImpact,
  type Actor,
  type ImpactAssessmentAction,
  type ImpactAssessmentView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  approvedRevisionOf,
  findAssessment,
  presentAssessment,
  systemOf,
  toAssessmentState,
  versionCountOf,
} from "./impact-assessment-records";

const policyAction = (a: ImpactAssessmentAction) => (a === "mark-reviewed" ? "markReviewed" : a);

/**
 * One workflow step — submit, approve (four-eyes), send back (reject), revise, mark reviewed, archive, restore: lock →
 * authorize by role (403) → decide in core (409 stale or wrong state, 400 incomplete, 403 four_eyes) → update the
 * row, freeze a version when submitting or approving, append the event, all in one transaction.
 */
export async function runImpactAssessmentAction(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  action: ImpactAssessmentAction,
  input: ImpactAssessmentActionInput,
): Promise<ImpactAssessmentView> {
  const { version, comment } = parseInput(ImpactAssessmentActionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await findAssessment(tx, actor.orgId, id, true);
    authorize(actor, impactAssessmentPolicy, policyAction(action), {});
    const state = toAssessmentState(row, await versionCountOf(tx, actor.orgId, id));
    const system = await systemOf(tx, actor.orgId, row.aiSystemId);
    const now = ctx.now();
    const decision = decideImpactAssessmentAction(state, action, {
      actorId: actor.userId,
      now,
      expectedVersion: version,
      comment: comment || undefined,
      systemVersion: system.version,
      ...(action === "restore"
        ? { approvedRevision: await approvedRevisionOf(tx, actor.orgId, id, row.approvedVersion) }
        : {}),
    });
    const [updated] = await tx
      .update(tables.impactAssessments)
      .set({ ...decision.changes, version: row.version + 1, updatedAt: now })
      .where(and(eq(tables.impactAssessments.orgId, actor.orgId), eq(tables.impactAssessments.id, id)))
      .returning();
    if (decision.freeze)
      await tx.insert(tables.impactAssessmentVersions).values({
        orgId: actor.orgId,
        assessmentId: id,
        number: decision.freeze.number,
        kind: decision.freeze.kind,
        revision: state.revision,
        title: state.title,
        variant: state.variant,
        templateId: state.templateId,
        content: state.content,
        summary: summarizeImpact(state.content),
        authorId: state.authorId,
        editorIds: [...state.editorIds],
        systemVersion: system.version,
        note: decision.freeze.note,
        createdBy: actor.userId,
        createdAt: now,
      });
    return { result: await presentAssessment(tx, actor, updated!), events: [decision.event] };
  });
}
