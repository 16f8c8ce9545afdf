import { diffLines } from "../documents/line-diff";
import { rateHarm } from "./rules";
import type {
  HarmEntry,
  ImpactAssessmentContent,
  ImpactAssessmentVersionDiffView,
  ImpactSummary,
} from "./schemas";
import { findTemplate, type TemplateSection } from "./templates";
import {
  harmDimensionLabels,
  impactDecisionLabels,
  impactLevelLabels,
  likelihoodLabels,
  severityLabels,
  type ImpactAssessmentVariant,
  type ImpactDecisionOutcome,
  type ImpactScale,
} from "./vocabulary";

/** One side of a comparison: a frozen version. */
export interface DiffableAssessmentVersion {
  number: number;
  title: string;
  variant: ImpactAssessmentVariant;
  templateId: string;
  content: ImpactAssessmentContent;
  summary: Pick<ImpactSummary, "overallInherent" | "overallResidual">;
}

type Rating = ImpactSummary["overallInherent"];
const ratingText = (r: Rating) => (r ? `${impactLevelLabels[r.level]} (${r.score})` : "");

/** A field's value as text: booleans as yes/no, the decision by its label, nothing as "". */
function fieldText(content: ImpactAssessmentContent, path: string): string {
  const [section, field] = path.split(".") as [string, string];
  const value = (content as unknown as Record<string, Record<string, unknown> | undefined>)[section]?.[field];
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (path === "decision.outcome")
    return impactDecisionLabels[value as ImpactDecisionOutcome] ?? String(value);
  return String(value);
}

const indent = (text: string) => text.split(/\r?\n/).map((l) => `    ${l}`);
const scale = (s: number, l: number) =>
  `severity ${s} (${severityLabels[s as ImpactScale]}) × likelihood ${l} (${likelihoodLabels[l as ImpactScale]})`;

/** The table of harms as text, one block per harm, so it can be compared line by line. */
export function harmsText(harms: readonly HarmEntry[], controlLabel: (id: string) => string = (id) => id) {
  const lines: string[] = [];
  harms.forEach((h, i) => {
    const { inherent, residual } = rateHarm(h);
    lines.push(`Harm ${i + 1}: ${harmDimensionLabels[h.dimension]}`, ...indent(h.description));
    if (h.affected) lines.push("  Affected:", ...indent(h.affected));
    lines.push(`  Before mitigation: ${scale(h.severity, h.likelihood)} → ${ratingText(inherent)}`);
    if (h.mitigations) lines.push("  Mitigations:", ...indent(h.mitigations));
    if (h.appliedControlIds.length > 0)
      lines.push(`  Applied controls: ${h.appliedControlIds.map(controlLabel).join(", ")}`);
    if (h.riskRefs.length > 0) lines.push(`  Risks: ${h.riskRefs.join(", ")}`);
    lines.push(
      h.residualSeverity === null && h.residualLikelihood === null
        ? `  Residual: unchanged → ${ratingText(residual)}`
        : `  Residual: ${scale(h.residualSeverity ?? h.severity, h.residualLikelihood ?? h.likelihood)} → ${ratingText(residual)}`,
    );
  });
  return lines.join("\n");
}

/** The sections of both versions' templates, in the newer one's order, then any only the older one has. */
function sectionsOf(a: DiffableAssessmentVersion, b: DiffableAssessmentVersion): TemplateSection[] {
  const newer = findTemplate(b.templateId, b.variant).sections;
  const older = findTemplate(a.templateId, a.variant).sections;
  return [...newer, ...older.filter((s) => !newer.some((n) => n.key === s.key))];
}

/**
 * What changed from version `a` to version `b`, field by field along the template: each differing text as a
 * line diff (the documents' `diffLines`), the harms as one text block per harm, and title, variant, template
 * and overall ratings as before/after. Pure; `controlLabel` names applied controls in the harms.
 */
export function diffAssessmentVersions(
  a: DiffableAssessmentVersion,
  b: DiffableAssessmentVersion,
  controlLabel?: (id: string) => string,
): ImpactAssessmentVersionDiffView {
  const changes: ImpactAssessmentVersionDiffView["changes"] = [];
  const change = (field: string, label: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, label, before, after });
  };
  change("title", "Title", a.title, b.title);
  change("variant", "Variant", a.variant, b.variant);
  change("templateId", "Template", a.templateId, b.templateId);
  change(
    "overallInherent",
    "Impact before mitigation",
    ratingText(a.summary.overallInherent),
    ratingText(b.summary.overallInherent),
  );
  change(
    "overallResidual",
    "Residual impact",
    ratingText(a.summary.overallResidual),
    ratingText(b.summary.overallResidual),
  );
  const sections: ImpactAssessmentVersionDiffView["sections"] = [];
  for (const section of sectionsOf(a, b)) {
    const texts =
      section.kind === "harms"
        ? [
            {
              path: "harms",
              label: section.title,
              before: harmsText(a.content.harms, controlLabel),
              after: harmsText(b.content.harms, controlLabel),
            },
          ]
        : section.fields.map((f) => ({
            path: f.path,
            label: f.label,
            before: fieldText(a.content, f.path),
            after: fieldText(b.content, f.path),
          }));
    const fields = texts
      .filter((t) => t.before !== t.after)
      .map((t) => ({ path: t.path, label: t.label, ...diffLines(t.before, t.after) }));
    if (fields.length > 0) sections.push({ key: section.key, title: section.title, fields });
  }
  return {
    from: a.number,
    to: b.number,
    changes,
    sections,
    same: changes.length === 0 && sections.length === 0,
  };
}
