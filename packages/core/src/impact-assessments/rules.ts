import type { HarmEntry, ImpactAssessmentContent, ImpactSummary } from "./schemas";
import { findTemplate } from "./templates";
import { rateImpact, worstRating, type ImpactAssessmentVariant, type ImpactScale } from "./vocabulary";

export interface Gap {
  path: string;
  message: string;
}

/** The inherent and residual rating of one harm; an unrated residual side counts as the inherent one. */
export function rateHarm(h: HarmEntry) {
  const inherent = rateImpact(h.severity as ImpactScale, h.likelihood as ImpactScale);
  const residual = rateImpact(
    (h.residualSeverity ?? h.severity) as ImpactScale,
    (h.residualLikelihood ?? h.likelihood) as ImpactScale,
  );
  return { inherent, residual };
}

/** Per-harm ratings and the overall (worst) inherent and residual impact. */
export function summarizeImpact(content: ImpactAssessmentContent): ImpactSummary {
  const harms = content.harms.map(rateHarm);
  return {
    harms,
    overallInherent: harms.reduce(
      (w, h) => worstRating(w, h.inherent),
      null as ImpactSummary["overallInherent"],
    ),
    overallResidual: harms.reduce(
      (w, h) => worstRating(w, h.residual),
      null as ImpactSummary["overallResidual"],
    ),
  };
}

function valueAt(content: ImpactAssessmentContent, path: string): unknown {
  let v: unknown = content;
  for (const k of path.split("."))
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

const empty = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * What is still missing before the assessment can be submitted, each gap naming its field: the template's required
 * fields, at least one harm, mitigations for every harm rated high or above, a residual rating no worse than the
 * inherent one, and conditions when the decision is to proceed under conditions.
 */
export function assessmentGaps(
  content: ImpactAssessmentContent,
  variant: ImpactAssessmentVariant,
  templateId: string,
): Gap[] {
  const gaps: Gap[] = [];
  for (const section of findTemplate(templateId, variant).sections) {
    if (section.kind === "harms") {
      if (content.harms.length === 0)
        gaps.push({ path: "content.harms", message: "list at least one potential harm" });
      continue;
    }
    for (const field of section.fields)
      if (field.required && empty(valueAt(content, field.path)))
        gaps.push({
          path: `content.${field.path}`,
          message: field.input === "choice" ? `choose: ${field.label}` : `fill in: ${field.label}`,
        });
  }
  content.harms.forEach((h, i) => {
    const { inherent, residual } = rateHarm(h);
    const noMitigation = h.mitigations.trim() === "" && h.appliedControlIds.length === 0;
    if ((inherent.level === "high" || inherent.level === "very_high") && noMitigation)
      gaps.push({
        path: `content.harms.${i}.mitigations`,
        message: "a harm rated high or above needs mitigations or a linked applied control",
      });
    if (residual.score > inherent.score)
      gaps.push({
        path: `content.harms.${i}.residualSeverity`,
        message: "the residual rating cannot be worse than the rating before mitigation",
      });
  });
  if (content.decision.outcome === "proceed_with_conditions" && content.decision.conditions.trim() === "")
    gaps.push({ path: "content.decision.conditions", message: "name the conditions for proceeding" });
  return gaps;
}

/** Every applied control any harm links to, once each, in order of first mention. */
export function linkedControlIds(content: ImpactAssessmentContent): string[] {
  return [...new Set(content.harms.flatMap((h) => h.appliedControlIds.map((id) => id.toLowerCase())))];
}

/**
 * Warnings shown with an assessment (they never block): a standard assessment of a system whose current EU AI Act
 * classification requires a fundamental rights impact assessment, and an approved FRIA nobody has notified the
 * authority of yet.
 */
export function assessmentWarnings(a: {
  variant: ImpactAssessmentVariant;
  friaRequired: boolean;
  approvedVersion: number | null;
  notificationCount: number;
}): string[] {
  const out: string[] = [];
  if (a.friaRequired && a.variant !== "fria") out.push("fria_required");
  if (a.variant === "fria" && a.approvedVersion !== null && a.notificationCount === 0)
    out.push("authority_not_notified");
  return out;
}

export const warningTexts: Record<string, string> = {
  fria_required:
    "The system's current EU AI Act classification requires a fundamental rights impact assessment (Art. 27); " +
    "this is a standard assessment. Switch the variant to FRIA or keep a separate FRIA.",
  authority_not_notified:
    "The approved FRIA has not been notified to the market-surveillance authority yet (Art. 27(3)).",
};
