import type { FieldIssue } from "../shared/zod-issues";
import type { ClassificationAnswers } from "../schemas/eu-ai-act";
import type { EuAiActRules } from "./rules";

/**
 * Answers that are well-formed but unknown to the rule data or contradict each other, each naming the field.
 * Used by the zod schema (as a refinement) and by the classifier itself (so it never trusts its caller).
 */
export function answerIssues(answers: ClassificationAnswers, rules: EuAiActRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(rules.prohibitedPractices.map((p) => p.point));
  answers.prohibitedPractices.forEach((point, i) => {
    if (!known.has(point))
      issues.push({
        path: `prohibitedPractices.${i}`,
        message: `"${point}" is not a point of Art. 5(1) (${[...known].join(", ")}).`,
      });
    else if (answers.prohibitedPractices.indexOf(point) !== i)
      issues.push({ path: `prohibitedPractices.${i}`, message: `"${point}" is listed twice.` });
  });
  if (answers.annexIII !== null && !annexIIIPoint(rules, answers.annexIII))
    issues.push({
      path: "annexIII",
      message: `"${answers.annexIII}" is not an Annex III point (e.g. "1(a)", "5(b)", "8(b)").`,
    });
  if (answers.annexIII === null && answers.art6_3.exception !== null)
    issues.push({
      path: "art6_3.exception",
      message: "An Art. 6(3) exception only applies to an Annex III system; no Annex III point was given.",
    });
  if (answers.annexI.thirdPartyConformityAssessment && !answers.annexI.safetyComponentOrProduct)
    issues.push({
      path: "annexI.thirdPartyConformityAssessment",
      message:
        "A third-party conformity assessment under Annex I needs a product or safety component covered by it.",
    });
  const flop = answers.gpai.trainingComputeFlop;
  if (flop !== null && (!Number.isFinite(flop) || flop < 0))
    issues.push({ path: "gpai.trainingComputeFlop", message: "Training compute must be zero or more FLOP." });
  if (answers.gpai.designatedSystemicRisk && !answers.gpai.isGpaiModel)
    issues.push({
      path: "gpai.designatedSystemicRisk",
      message: "Only a general-purpose AI model can be designated as having systemic risk (Art. 51).",
    });
  return issues;
}

export function annexIIIPoint(rules: EuAiActRules, point: string) {
  for (const area of rules.annexIII) {
    const found = area.points.find((p) => p.point === point);
    if (found) return { area, point: found };
  }
  return undefined;
}
