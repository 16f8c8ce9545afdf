import {
  authorize,
  decideRecordAuthorityNotification,
  impactAssessmentPolicy,
  isoDate,
  RecordAuthorityNotificationInput,
  type Actor,
  type ImpactAssessmentView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  findAssessment,
  presentAssessment,
  toAssessmentState,
  versionCountOf,
} from "./impact-assessment-records";

/**
 * Records that the market-surveillance authority was notified of an approved FRIA's results (EU AI Act Art. 27(3)):
 * an append-only row naming the approved version, with the date, authority, reference and a note.
 */
export async function recordAuthorityNotification(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: RecordAuthorityNotificationInput,
): Promise<ImpactAssessmentView> {
  const f = parseInput(RecordAuthorityNotificationInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await findAssessment(tx, actor.orgId, id, true);
    authorize(actor, impactAssessmentPolicy, "notify", {});
    const state = toAssessmentState(row, await versionCountOf(tx, actor.orgId, id));
    const now = ctx.now();
    const event = decideRecordAuthorityNotification(state, f, isoDate(now));
    await tx.insert(tables.impactAssessmentNotifications).values({
      orgId: actor.orgId,
      assessmentId: id,
      versionNumber: state.approvedVersion!,
      notifiedOn: f.notifiedOn,
      authority: f.authority,
      reference: f.reference,
      note: f.note,
      loggedBy: actor.userId,
      createdAt: now,
    });
    return { result: await presentAssessment(tx, actor, row), events: [event] };
  });
}
