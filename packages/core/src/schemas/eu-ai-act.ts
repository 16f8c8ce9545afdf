import { z } from "zod";
import { operatorRoles } from "../eu-ai-act/rules";
import { currentEuAiActRules } from "../eu-ai-act/registry";
import { answerIssues } from "../eu-ai-act/answer-issues";

/** The EU AI Act questionnaire's answers (issue 4 §2); checked against the current rule data. */
export const ClassificationAnswersShape = z.strictObject({
  roles: z.array(z.enum(operatorRoles)).max(operatorRoles.length),
  /** Art. 5(1) points the intended use matches: "a", "b", "ba", "bb", "c" … "h" */
  prohibitedPractices: z.array(z.string().max(4)).max(20),
  annexI: z.strictObject({
    safetyComponentOrProduct: z.boolean(),
    thirdPartyConformityAssessment: z.boolean(),
  }),
  /** Annex III point, e.g. "1(a)", "5(b)", "8(b)" */
  annexIII: z.string().max(10).nullable(),
  art6_3: z.strictObject({
    exception: z.enum(["a", "b", "c", "d"]).nullable(),
    profiling: z.boolean(),
  }),
  art50: z.strictObject({
    interactsWithPersons: z.boolean(),
    syntheticContent: z.boolean(),
    emotionOrBiometricCategorisation: z.boolean(),
    deepFake: z.boolean(),
    publicInterestText: z.boolean(),
  }),
  gpai: z.strictObject({
    isGpaiModel: z.boolean(),
    /** estimated cumulative training compute in FLOP */
    trainingComputeFlop: z.number().nullable(),
    designatedSystemicRisk: z.boolean(),
  }),
  /** a body governed by public law or a private entity providing public services (Art. 27) */
  publicBodyOrPublicService: z.boolean(),
});

export const ClassificationAnswers = ClassificationAnswersShape.superRefine((answers, ctx) => {
  for (const issue of answerIssues(answers, currentEuAiActRules))
    ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
});
export type ClassificationAnswers = z.infer<typeof ClassificationAnswersShape>;

export const ClassificationObligation = z.object({
  id: z.string(),
  article: z.string(),
  title: z.string(),
  role: z.enum(operatorRoles),
  appliesFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  basis: z.string(),
});
export type ClassificationObligation = z.infer<typeof ClassificationObligation>;

export const ClassificationResult = z.object({
  prohibited: z.boolean(),
  prohibitedPoints: z.array(z.string()),
  highRisk: z.boolean(),
  highRiskRoute: z.enum(["annex_i", "annex_iii"]).nullable(),
  annexIIIPoint: z.string().nullable(),
  /** true only when an Art. 6(3) exception applies and there is no profiling */
  exemptUnderArt6_3: z.boolean(),
  /** Art. 50 paragraphs, e.g. ["50(1)", "50(2)"] */
  transparency: z.array(z.string()),
  gpai: z.enum(["none", "gpai", "gpai_systemic_risk"]),
  friaRequired: z.boolean(),
  registrationRequired: z.boolean(),
  obligations: z.array(ClassificationObligation),
  /** why, naming articles and the rule-data version (first line) */
  rationale: z.array(z.string()),
});
export type ClassificationResult = z.infer<typeof ClassificationResult>;
