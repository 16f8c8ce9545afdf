import { z } from "zod";
import { Abilities, LongText, Uuid } from "../schemas/common";
import { VendorRiskRatingSchema } from "../schemas/vendors";
import { aiSupplierQuestionnaire, choiceAnswers, questionsOf } from "./questionnaire";

const byId = new Map(questionsOf(aiSupplierQuestionnaire).map((q) => [q.id, q]));

/** One answer: the value (a choice, a date YYYY-MM-DD, or text) and an optional note (evidence, a reference). */
export const QuestionnaireAnswer = z.strictObject({
  answer: LongText(5000),
  note: LongText(2000).default(""),
});
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswer>;

/**
 * Answers keyed by question id of the current questionnaire. Each is checked against its question's type, so an
 * error names `answers.<id>.answer`; an unknown id is refused. An empty answer with no note is dropped.
 */
export const QuestionnaireAnswers = z
  .record(z.string().max(100), QuestionnaireAnswer)
  .superRefine((answers, ctx) => {
    for (const [id, a] of Object.entries(answers)) {
      const q = byId.get(id);
      if (!q) {
        ctx.addIssue({ code: "custom", path: [id], message: "is not a question of this questionnaire" });
        continue;
      }
      if (a.answer === "") continue;
      if (q.type === "choice" && !(choiceAnswers as readonly string[]).includes(a.answer))
        ctx.addIssue({
          code: "custom",
          path: [id, "answer"],
          message: `must be one of ${choiceAnswers.join(", ")}`,
        });
      if (q.type === "date" && !z.iso.date().safeParse(a.answer).success)
        ctx.addIssue({ code: "custom", path: [id, "answer"], message: "must be a date (YYYY-MM-DD)" });
    }
  })
  .transform((answers) =>
    Object.fromEntries(Object.entries(answers).filter(([, a]) => a.answer !== "" || a.note !== "")),
  );
export type QuestionnaireAnswers = z.infer<typeof QuestionnaireAnswers>;

/** Saving the draft: the answers replace the draft's whole; `version` is 0 when no draft has been saved yet. */
export const SaveVendorQuestionnaireInput = z.strictObject({
  answers: QuestionnaireAnswers,
  version: z.number().int().min(0),
});
export type SaveVendorQuestionnaireInput = z.input<typeof SaveVendorQuestionnaireInput>;

export const CompleteVendorQuestionnaireInput = z.strictObject({ version: z.number().int().min(1) });
export type CompleteVendorQuestionnaireInput = z.input<typeof CompleteVendorQuestionnaireInput>;

export const QuestionnaireConcern = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  text: z.string(),
  /** the answer given, or "" for a date that was not given */
  answer: z.string(),
  reason: z.string(),
});
export type QuestionnaireConcern = z.infer<typeof QuestionnaireConcern>;

export const QuestionnaireScore = z.object({
  /** weighted points at risk, and the applicable weight (questions answered n/a do not count) */
  points: z.number(),
  maxPoints: z.number(),
  /** null while no scored question is answered */
  suggestedRating: VendorRiskRatingSchema.nullable(),
  concerns: z.array(QuestionnaireConcern),
  /** ids of the choice questions still without an answer (completion needs them all) */
  unanswered: z.array(z.string()),
});
export type QuestionnaireScore = z.infer<typeof QuestionnaireScore>;

/** The vendor's stored rating beside the suggestion: the stored rating stays a human decision. */
const RatingComparison = {
  currentRating: VendorRiskRatingSchema.nullable(),
  ratingDiffers: z.boolean(),
};

export const VendorQuestionnaireDraftView = z.object({
  vendorId: Uuid,
  questionnaireVersion: z.string(),
  answers: z.record(z.string(), QuestionnaireAnswer),
  /** 0 while nothing is saved (the answers are then those of the latest completed response, if any) */
  version: z.number(),
  updatedAt: z.string().nullable(),
  /** the number of the completed response the unsaved draft starts from */
  startedFrom: z.number().nullable(),
  score: QuestionnaireScore,
  ...RatingComparison,
  abilities: Abilities,
});
export type VendorQuestionnaireDraftView = z.infer<typeof VendorQuestionnaireDraftView>;

export const VendorQuestionnaireResponseView = z.object({
  id: Uuid,
  vendorId: Uuid,
  number: z.number(),
  questionnaireVersion: z.string(),
  answers: z.record(z.string(), QuestionnaireAnswer),
  score: QuestionnaireScore,
  completedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
  completedAt: z.string(),
});
export type VendorQuestionnaireResponseView = z.infer<typeof VendorQuestionnaireResponseView>;

export const VendorQuestionnaireHistoryView = z.object({
  vendorId: Uuid,
  ...RatingComparison,
  /** newest first */
  items: z.array(VendorQuestionnaireResponseView),
});
export type VendorQuestionnaireHistoryView = z.infer<typeof VendorQuestionnaireHistoryView>;

const QuestionView = z.object({
  id: z.string(),
  type: z.enum(["choice", "date", "text"]),
  text: z.string(),
  help: z.string(),
  weight: z.number().optional(),
  favourable: z.enum(["yes", "no"]).optional(),
  concernWhen: z.array(z.enum(choiceAnswers)).optional(),
  escalatesTo: VendorRiskRatingSchema.optional(),
  staleAfterMonths: z.number().optional(),
});

/** The questionnaire itself, as data, for forms and for answering outside OpenAIMS. */
export const VendorQuestionnaireTemplateView = z.object({
  version: z.string(),
  title: z.string(),
  thresholds: z.object({ medium: z.number(), high: z.number(), critical: z.number() }),
  choices: z.array(z.enum(choiceAnswers)),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      refs: z.array(z.string()),
      questions: z.array(QuestionView),
    }),
  ),
});
export type VendorQuestionnaireTemplateView = z.infer<typeof VendorQuestionnaireTemplateView>;
