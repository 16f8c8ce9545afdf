import { and, desc, eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  aiSupplierQuestionnaire,
  notFound,
  scoreQuestionnaire,
  type Actor,
  type QuestionnaireAnswers,
  type QuestionnaireScore,
  type VendorQuestionnaireDraftView,
  type VendorQuestionnaireResponseView,
  type VendorRiskRating,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import type { VendorRow } from "./vendor-records";

const { vendors, vendorQuestionnaireDrafts: drafts, vendorQuestionnaireResponses: responses, users } = tables;
export type DraftRow = typeof drafts.$inferSelect;
type ResponseRow = typeof responses.$inferSelect;

/** The org's vendor (not locked); another org's id is a 404. */
export async function findVendor(db: Executor, orgId: string, id: string): Promise<VendorRow> {
  const [row] = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
  if (!row) throw notFound("Vendor");
  return row;
}

export async function findDraft(db: Executor, orgId: string, vendorId: string): Promise<DraftRow | null> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.orgId, orgId), eq(drafts.vendorId, vendorId)));
  return row ?? null;
}

/** The vendor's completed responses, newest first, with who completed each. */
export async function responsesOf(db: Executor, orgId: string, vendorId: string, limit?: number) {
  const q = db
    .select({ r: responses, userName: users.name })
    .from(responses)
    .leftJoin(users, eq(users.id, responses.completedBy))
    .where(and(eq(responses.orgId, orgId), eq(responses.vendorId, vendorId)))
    .orderBy(desc(responses.number));
  return limit ? q.limit(limit) : q;
}

export function presentResponse(row: ResponseRow, userName: string | null): VendorQuestionnaireResponseView {
  return {
    id: row.id,
    vendorId: row.vendorId,
    number: row.number,
    questionnaireVersion: row.questionnaireVersion,
    answers: row.answers as QuestionnaireAnswers,
    score: row.score as QuestionnaireScore,
    completedBy: row.completedBy ? { id: row.completedBy, name: userName ?? "" } : null,
    completedAt: row.completedAt.toISOString(),
  };
}

export const ratingComparison = (vendor: VendorRow, suggested: VendorRiskRating | null) => ({
  currentRating: vendor.riskRating as VendorRiskRating | null,
  ratingDiffers: suggested !== null && suggested !== vendor.riskRating,
});

/**
 * The draft as the web and CLI edit it: the stored draft, or, while none is stored, the answers of the latest
 * completed response (version 0) so a re-assessment starts from what the vendor said last time.
 */
export async function loadDraftView(
  db: Executor,
  actor: Actor,
  vendorId: string,
  now: Date,
): Promise<VendorQuestionnaireDraftView> {
  const vendor = await findVendor(db, actor.orgId, vendorId);
  const draft = await findDraft(db, actor.orgId, vendorId);
  const latest = draft ? undefined : (await responsesOf(db, actor.orgId, vendorId, 1))[0]?.r;
  const answers = (draft?.answers ?? latest?.answers ?? {}) as QuestionnaireAnswers;
  const score = scoreQuestionnaire(answers, now);
  return {
    vendorId,
    questionnaireVersion: draft?.questionnaireVersion ?? aiSupplierQuestionnaire.version,
    answers,
    version: draft?.version ?? 0,
    updatedAt: draft?.updatedAt.toISOString() ?? null,
    startedFrom: latest?.number ?? null,
    score,
    ...ratingComparison(vendor, score.suggestedRating),
    abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: vendor.archivedAt }),
  };
}
