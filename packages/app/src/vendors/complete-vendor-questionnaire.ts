import { and, eq, max } from "drizzle-orm";
import {
  aiModelPolicy,
  authorize,
  CompleteVendorQuestionnaireInput,
  decideCompleteVendorQuestionnaire,
  type Actor,
  type QuestionnaireAnswers,
  type VendorQuestionnaireResponseView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findDraft, presentResponse } from "./questionnaire-records";
import { lockVendor } from "./vendor-records";

const { vendorQuestionnaireDrafts: drafts, vendorQuestionnaireResponses: responses, users } = tables;

/**
 * Completes the saved draft: its answers and their score become the vendor's next immutable response and the
 * draft is removed. The vendor's stored risk rating is not changed: the suggestion is advice for a person.
 */
export async function completeVendorQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  vendorId: string,
  input: CompleteVendorQuestionnaireInput,
): Promise<VendorQuestionnaireResponseView> {
  const { version } = parseInput(CompleteVendorQuestionnaireInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const vendor = await lockVendor(tx, actor.orgId, vendorId);
    authorize(actor, aiModelPolicy, "update", vendor);
    const draft = await findDraft(tx, actor.orgId, vendorId);
    const [last] = await tx
      .select({ n: max(responses.number) })
      .from(responses)
      .where(and(eq(responses.orgId, actor.orgId), eq(responses.vendorId, vendorId)));
    const number = (last?.n ?? 0) + 1;
    const now = ctx.now();
    const { score, event } = decideCompleteVendorQuestionnaire(
      vendor,
      draft && { ...draft, answers: draft.answers as QuestionnaireAnswers },
      version,
      number,
      now,
    );
    const [row] = await tx
      .insert(responses)
      .values({
        orgId: actor.orgId,
        vendorId,
        number,
        questionnaireVersion: draft!.questionnaireVersion,
        answers: draft!.answers,
        score,
        suggestedRating: score.suggestedRating ?? "low",
        concernCount: score.concerns.length,
        completedBy: actor.userId,
        completedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.delete(drafts).where(and(eq(drafts.orgId, actor.orgId), eq(drafts.id, draft!.id)));
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    return { result: presentResponse(row!, user?.name ?? null), events: [event] };
  });
}
