import { and, eq } from "drizzle-orm";
import {
  aiModelPolicy,
  aiSupplierQuestionnaire,
  authorize,
  decideSaveVendorQuestionnaire,
  SaveVendorQuestionnaireInput,
  type Actor,
  type QuestionnaireAnswers,
  type VendorQuestionnaireDraftView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findDraft, loadDraftView } from "./questionnaire-records";
import { lockVendor } from "./vendor-records";

const { vendorQuestionnaireDrafts: drafts } = tables;

/**
 * Saves the vendor's questionnaire draft: `answers` replace the draft's whole and move it to the current
 * questionnaire version; `version` is the draft's (0 to start one). The vendor row is locked, so two first saves
 * cannot both create a draft.
 */
export async function saveVendorQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  vendorId: string,
  input: SaveVendorQuestionnaireInput,
): Promise<VendorQuestionnaireDraftView> {
  const { answers, version } = parseInput(SaveVendorQuestionnaireInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const vendor = await lockVendor(tx, actor.orgId, vendorId);
    authorize(actor, aiModelPolicy, "update", vendor);
    const draft = await findDraft(tx, actor.orgId, vendorId);
    const stored = draft && { version: draft.version, answers: draft.answers as QuestionnaireAnswers };
    const event = decideSaveVendorQuestionnaire(vendor, stored, answers, version);
    if (!event) return { result: await loadDraftView(tx, actor, vendorId, ctx.now()), events: [] };
    const now = ctx.now();
    const fields = {
      answers,
      questionnaireVersion: aiSupplierQuestionnaire.version,
      updatedBy: actor.userId,
    };
    if (draft)
      await tx
        .update(drafts)
        .set({ ...fields, version: draft.version + 1, updatedAt: now })
        .where(and(eq(drafts.orgId, actor.orgId), eq(drafts.id, draft.id)));
    else
      await tx
        .insert(drafts)
        .values({ ...fields, orgId: actor.orgId, vendorId, createdAt: now, updatedAt: now });
    return { result: await loadDraftView(tx, actor, vendorId, ctx.now()), events: [event] };
  });
}
