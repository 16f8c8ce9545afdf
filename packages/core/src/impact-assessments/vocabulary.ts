/**
 * Impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5; EU AI Act Art. 27): the words and scales. An assessment
 * looks at what one AI system does to individuals, groups and society, harm by harm, and ends in a decision.
 */

/** `fria`: the fundamental rights impact assessment of EU AI Act Art. 27, the standard assessment plus (a)–(f). */
export const impactAssessmentVariants = ["standard", "fria"] as const;
export type ImpactAssessmentVariant = (typeof impactAssessmentVariants)[number];

/**
 * The life of an assessment: draft → in_review → approved; "revise" opens a new draft revision while the approved
 * version stays in force until the next approval supersedes it. Archived ends it.
 */
export const impactAssessmentStatuses = ["draft", "in_review", "approved", "archived"] as const;
export type ImpactAssessmentStatus = (typeof impactAssessmentStatuses)[number];

/** A frozen version: what was submitted, what was approved, and an approval a later one replaced. */
export const impactAssessmentVersionKinds = ["submitted", "approved"] as const;
export type ImpactAssessmentVersionKind = (typeof impactAssessmentVersionKinds)[number];
export const impactAssessmentVersionStatuses = ["submitted", "approved", "superseded"] as const;
export type ImpactAssessmentVersionStatus = (typeof impactAssessmentVersionStatuses)[number];

/** The dimensions along which a harm is considered. */
export const harmDimensions = [
  "fairness",
  "privacy",
  "safety",
  "autonomy_oversight",
  "transparency",
  "security",
  "environment",
  "societal",
] as const;
export type HarmDimension = (typeof harmDimensions)[number];

export const harmDimensionLabels: Record<HarmDimension, string> = {
  fairness: "Fairness and non-discrimination",
  privacy: "Privacy and data protection",
  safety: "Health and safety",
  autonomy_oversight: "Autonomy and human oversight",
  transparency: "Transparency and explainability",
  security: "Security",
  environment: "Environment",
  societal: "Society and democracy",
};

export const harmDimensionHelp: Record<HarmDimension, string> = {
  fairness: "Could some people be treated worse than others because of who they are, directly or by proxy?",
  privacy: "Could personal data be used beyond what people expect, exposed, or inferred from outputs?",
  safety: "Could a wrong or missing output injure someone or damage health?",
  autonomy_oversight:
    "Could people lose the ability to decide for themselves, or could staff stop checking the system?",
  transparency:
    "Would the people affected know an AI system was involved, and could a decision be explained?",
  security: "Could someone attack, misuse or manipulate the system to cause harm?",
  environment: "What energy, water or hardware does the system consume over its life?",
  societal: "Could it shift power, spread misinformation, or erode trust at the scale of society?",
};

/** 1–4 scales. Severity: how bad the harm is for those who suffer it; likelihood: how probable it is. */
export const severityLabels = { 1: "Minor", 2: "Moderate", 3: "Major", 4: "Severe" } as const;
export const likelihoodLabels = { 1: "Rare", 2: "Possible", 3: "Likely", 4: "Almost certain" } as const;
export type ImpactScale = 1 | 2 | 3 | 4;

export const impactLevels = ["low", "medium", "high", "very_high"] as const;
export type ImpactLevel = (typeof impactLevels)[number];
export const impactLevelLabels: Record<ImpactLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  very_high: "Very high",
};

export interface ImpactRating {
  score: number;
  level: ImpactLevel;
}

/**
 * The rating rule: score = severity × likelihood (1–16); 1–3 low, 4–6 medium, 8–9 high, 12–16 very high. A
 * severe harm (severity 4) is never rated below high, however unlikely: for fundamental rights a rare but
 * irreversible harm still needs attention.
 */
export function rateImpact(severity: ImpactScale, likelihood: ImpactScale): ImpactRating {
  const score = severity * likelihood;
  let level: ImpactLevel = score <= 3 ? "low" : score <= 6 ? "medium" : score <= 9 ? "high" : "very_high";
  if (severity === 4 && (level === "low" || level === "medium")) level = "high";
  return { score, level };
}

const levelRank = (l: ImpactLevel) => impactLevels.indexOf(l);
/** The higher of two ratings (by level, then score); null counts as nothing. */
export function worstRating(a: ImpactRating | null, b: ImpactRating | null): ImpactRating | null {
  if (!a) return b;
  if (!b) return a;
  if (levelRank(a.level) !== levelRank(b.level)) return levelRank(a.level) > levelRank(b.level) ? a : b;
  return a.score >= b.score ? a : b;
}

/** What the assessment concludes. */
export const impactDecisionOutcomes = ["proceed", "proceed_with_conditions", "do_not_proceed"] as const;
export type ImpactDecisionOutcome = (typeof impactDecisionOutcomes)[number];
export const impactDecisionLabels: Record<ImpactDecisionOutcome, string> = {
  proceed: "Proceed",
  proceed_with_conditions: "Proceed with conditions",
  do_not_proceed: "Do not proceed",
};

/** Why a review of an approved assessment is asked for (generated tasks). */
export const impactReviewTriggers = ["scheduled", "system_changed", "incident"] as const;
export type ImpactReviewTrigger = (typeof impactReviewTriggers)[number];

/** A scheduled review is asked for this many days before `nextReviewDate`. */
export const IMPACT_REVIEW_NOTICE_DAYS = 30;
