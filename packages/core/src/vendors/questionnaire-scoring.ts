import { assertVersion } from "../ai-systems/ai-system";
import type { PendingEvent } from "../audit/event-types";
import { invalidInput, invalidState } from "../shared/domain-error";
import { vendorRiskRatings, type VendorRiskRating } from "../schemas/vendors";
import { aiSupplierQuestionnaire, questionsOf, type Questionnaire } from "./questionnaire";
import type { QuestionnaireAnswers, QuestionnaireConcern, QuestionnaireScore } from "./questionnaire-schemas";

const rank = (r: VendorRiskRating) => vendorRiskRatings.indexOf(r);
const higher = (a: VendorRiskRating, b: VendorRiskRating) => (rank(a) >= rank(b) ? a : b);

/** The date `months` calendar months before `now` (UTC), as YYYY-MM-DD. */
function monthsBefore(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * The score of a set of answers. A choice question answered with its favourable answer adds nothing, the opposite
 * answer its full weight, "partial" half of it, "na" takes the question out (neither points nor weight); an
 * unanswered choice is left out too and listed in `unanswered`. A date question adds its weight when the date is
 * missing or older than its limit. The share of the applicable weight at risk gives the suggested rating through
 * the questionnaire's thresholds, then each concern on an escalating question lifts it to at least its level.
 * Text questions are evidence only. Pure: `now` dates the staleness check.
 */
export function scoreQuestionnaire(
  answers: QuestionnaireAnswers,
  now: Date,
  questionnaire: Questionnaire = aiSupplierQuestionnaire,
): QuestionnaireScore {
  let points = 0;
  let maxPoints = 0;
  let floor: VendorRiskRating | null = null;
  const concerns: QuestionnaireConcern[] = [];
  const unanswered: string[] = [];
  for (const q of questionsOf(questionnaire)) {
    const given = answers[q.id]?.answer ?? "";
    const concern = (reason: string) =>
      concerns.push({ questionId: q.id, sectionId: q.sectionId, text: q.text, answer: given, reason });
    if (q.type === "text") continue;
    if (q.type === "date") {
      maxPoints += q.weight;
      if (given === "") {
        points += q.weight;
        concern("no date given");
      } else if (given < monthsBefore(now, q.staleAfterMonths)) {
        points += q.weight;
        concern(`older than ${q.staleAfterMonths} months`);
      }
      continue;
    }
    if (given === "") {
      unanswered.push(q.id);
      continue;
    }
    if (given === "na") continue;
    maxPoints += q.weight;
    if (given === "partial") points += q.weight / 2;
    else if (given !== q.favourable) points += q.weight;
    if ((q.concernWhen as string[]).includes(given)) {
      concern(`answered "${given}"`);
      if (q.escalatesTo) floor = floor ? higher(floor, q.escalatesTo) : q.escalatesTo;
    }
  }
  const scored = maxPoints > 0 || concerns.length > 0;
  let suggestedRating: VendorRiskRating | null = null;
  if (scored) {
    const share = maxPoints === 0 ? 0 : points / maxPoints;
    const t = questionnaire.thresholds;
    suggestedRating =
      share >= t.critical ? "critical" : share >= t.high ? "high" : share >= t.medium ? "medium" : "low";
    if (floor) suggestedRating = higher(suggestedRating, floor);
  }
  return { points, maxPoints, suggestedRating, concerns, unanswered };
}

interface VendorRef {
  id: string;
  archivedAt: Date | string | null;
}

/** The question ids whose answer or note changed, for the audit payload (answers themselves stay in the record). */
function changedQuestions(before: QuestionnaireAnswers, after: QuestionnaireAnswers): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids]
    .filter((id) => JSON.stringify(before[id] ?? null) !== JSON.stringify(after[id] ?? null))
    .sort();
}

/**
 * Saving the draft replaces its answers. `expectedVersion` is the draft's version (0 when none is stored): a stale
 * one is 409 `conflict`; an archived vendor is 409 `invalid_state`. No change means no write and no event (null).
 */
export function decideSaveVendorQuestionnaire(
  vendor: VendorRef,
  draft: { version: number; answers: QuestionnaireAnswers } | null,
  answers: QuestionnaireAnswers,
  expectedVersion: number,
): PendingEvent | null {
  assertVersion({ version: draft?.version ?? 0 }, expectedVersion, "This questionnaire draft");
  if (vendor.archivedAt) throw invalidState("An archived vendor cannot be assessed; restore it first.");
  const changed = changedQuestions(draft?.answers ?? {}, answers);
  if (draft && changed.length === 0) return null;
  return {
    type: "vendor.questionnaire_saved",
    entityType: "vendor",
    entityId: vendor.id,
    payload: { questionnaireVersion: aiSupplierQuestionnaire.version, changedQuestions: changed },
  };
}

/**
 * Completing turns the stored draft into an immutable response. It needs a saved draft of the current
 * questionnaire version (else 409 `invalid_state`) in which every choice question is answered (else 400 naming
 * `answers.<id>`). Returns the score as of `now` and the event.
 */
export function decideCompleteVendorQuestionnaire(
  vendor: VendorRef,
  draft: { version: number; questionnaireVersion: string; answers: QuestionnaireAnswers } | null,
  expectedVersion: number,
  number: number,
  now: Date,
): { score: QuestionnaireScore; event: PendingEvent } {
  if (!draft)
    throw invalidState("There is no saved questionnaire draft to complete; save the answers first.");
  assertVersion(draft, expectedVersion, "This questionnaire draft");
  if (vendor.archivedAt) throw invalidState("An archived vendor cannot be assessed; restore it first.");
  if (draft.questionnaireVersion !== aiSupplierQuestionnaire.version)
    throw invalidState(
      `The draft answers questionnaire ${draft.questionnaireVersion}; save it again to move it to ${aiSupplierQuestionnaire.version}.`,
    );
  const score = scoreQuestionnaire(draft.answers, now);
  if (score.unanswered.length > 0)
    throw invalidInput(`${score.unanswered.length} question(s) still need an answer (n/a is an answer).`, {
      issues: score.unanswered.map((id) => ({ path: `answers.${id}`, message: "needs an answer" })),
    });
  return {
    score,
    event: {
      type: "vendor.questionnaire_completed",
      entityType: "vendor",
      entityId: vendor.id,
      payload: {
        number,
        questionnaireVersion: draft.questionnaireVersion,
        suggestedRating: score.suggestedRating,
        concerns: score.concerns.map((c) => c.questionId),
        points: score.points,
        maxPoints: score.maxPoints,
      },
    },
  };
}
