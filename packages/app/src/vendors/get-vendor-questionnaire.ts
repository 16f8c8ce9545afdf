import {
  aiModelPolicy,
  aiSupplierQuestionnaire,
  authorize,
  choiceAnswers,
  type Actor,
  type VendorQuestionnaireDraftView,
  type VendorQuestionnaireHistoryView,
  type VendorQuestionnaireTemplateView,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import {
  findVendor,
  loadDraftView,
  presentResponse,
  ratingComparison,
  responsesOf,
} from "./questionnaire-records";

/** The vendor's questionnaire draft with its score so far (see `loadDraftView`). */
export async function getVendorQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  vendorId: string,
): Promise<VendorQuestionnaireDraftView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  return loadDraftView(ctx.database.db, actor, vendorId, ctx.now());
}

/** Every completed response of the vendor, newest first, each with the score it had when completed. */
export async function getVendorQuestionnaireHistory(
  ctx: AppContext,
  actor: Actor,
  vendorId: string,
): Promise<VendorQuestionnaireHistoryView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { db } = ctx.database;
  const vendor = await findVendor(db, actor.orgId, vendorId);
  const items = (await responsesOf(db, actor.orgId, vendorId)).map((x) => presentResponse(x.r, x.userName));
  return {
    vendorId,
    ...ratingComparison(vendor, items[0]?.score.suggestedRating ?? null),
    items,
  };
}

/** The questionnaire itself (the same for every organization). */
export function getVendorQuestionnaireTemplate(actor: Actor): VendorQuestionnaireTemplateView {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const q = aiSupplierQuestionnaire;
  return {
    version: q.version,
    title: q.title,
    thresholds: q.thresholds,
    choices: [...choiceAnswers],
    sections: q.sections,
  };
}
