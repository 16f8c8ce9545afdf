// What a tabular prediction file means: which column holds the label, the prediction (or a score and its
// threshold), the sensitive attributes, and how categorical values map to positive (1) / negative (0).
// Pure: no node:* imports; the CLI and the server parse the bytes and hand rows to ./read.ts.
import { invalidInput } from "../../shared/domain-error";
import type { FieldIssue } from "../../shared/zod-issues";

/** Cell texts that mean "no value" besides the empty cell (compared after trimming, case-sensitive). */
export const DEFAULT_NA_VALUES: readonly string[] = ["NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"];

export interface ClassificationInputSpec {
  /** Column of the true outcome. */
  label: string;
  /** Label values that mean positive (1). Absent: 1/0, 1.0/0.0, true/false are read as they are. */
  labelPositive?: readonly string[];
  /** Label values that mean negative (0). Absent with labelPositive: every other non-missing value is 0. */
  labelNegative?: readonly string[];
  /** Column of the predicted class. Exactly one of prediction and score. */
  prediction?: string;
  /** Prediction values that mean positive (1); same rules as labelPositive. */
  positive?: readonly string[];
  negative?: readonly string[];
  /** Column of a numeric score; the prediction is 1 iff score ≥ threshold. */
  score?: string;
  threshold?: number;
  /** Sensitive-attribute columns (one or more). */
  groups: readonly string[];
  /** Optional timestamp column: values must parse as dates; the first and last are reported. */
  timestamp?: string;
  /** Optional segment column (e.g. region, model version): rows are counted per segment. */
  segment?: string;
  /** Texts read as missing besides the empty cell. Default DEFAULT_NA_VALUES. */
  naValues?: readonly string[];
}

/** Checks the spec itself (before any file is read); throws invalid_input with one issue per problem. */
export function assertClassificationInputSpec(
  spec: ClassificationInputSpec,
  { requireGroups = true }: { requireGroups?: boolean } = {},
): void {
  const issues: FieldIssue[] = [];
  const blank = (s: string | undefined) => s === undefined || s.trim() === "";
  if (blank(spec.label)) issues.push({ path: "label", message: "give the label column" });
  const hasPrediction = !blank(spec.prediction);
  const hasScore = !blank(spec.score);
  if (hasPrediction === hasScore) {
    issues.push({
      path: "prediction",
      message: "give either a prediction column or a score column with a threshold (not both)",
    });
  }
  if (hasScore && (spec.threshold === undefined || !Number.isFinite(spec.threshold))) {
    issues.push({ path: "threshold", message: "a score column needs a numeric threshold" });
  }
  if (!hasScore && spec.threshold !== undefined) {
    issues.push({ path: "threshold", message: "a threshold applies to a score column only" });
  }
  if (hasScore && (spec.positive?.length || spec.negative?.length)) {
    issues.push({ path: "positive", message: "positive/negative values apply to a prediction column only" });
  }
  if (requireGroups && spec.groups.length === 0) {
    issues.push({ path: "group", message: "give at least one sensitive-attribute (group) column" });
  }
  const dup = spec.groups.filter((g, i) => spec.groups.indexOf(g) !== i);
  if (dup.length > 0)
    issues.push({ path: "group", message: `is given twice: ${[...new Set(dup)].join(", ")}` });
  const overlap = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    (a ?? []).filter((v) => (b ?? []).includes(v));
  const labelBoth = overlap(spec.labelPositive, spec.labelNegative);
  if (labelBoth.length > 0) {
    issues.push({
      path: "labelPositive",
      message: `values both positive and negative: ${labelBoth.join(", ")}`,
    });
  }
  const predBoth = overlap(spec.positive, spec.negative);
  if (predBoth.length > 0) {
    issues.push({ path: "positive", message: `values both positive and negative: ${predBoth.join(", ")}` });
  }
  if (issues.length > 0) throw invalidInput("The input mapping is not valid.", { issues });
}

/** The columns a spec reads, in a stable order (label, prediction/score, groups, timestamp, segment). */
export function specColumns(spec: ClassificationInputSpec): string[] {
  const cols = [spec.label, spec.prediction ?? spec.score!, ...spec.groups];
  if (spec.timestamp) cols.push(spec.timestamp);
  if (spec.segment) cols.push(spec.segment);
  return cols;
}
