import type { BetweenGroupMetric, FairnessResult, GroupMetrics } from "@openaims/core";
import { keyValues, table } from "../../output/format";
import type { InputSummary } from "./input-options";

/** A rate with 3 decimals; undefined (zero denominator) shows as "-", never as 0. */
export const rate = (v: number | null | undefined) => (v === null || v === undefined ? "-" : v.toFixed(3));

export function inputText(input: InputSummary): string {
  const missing = Object.entries(input.missingValues)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`);
  const pairs: [string, string][] = [
    ["file", `${input.file} (${input.format}, ${input.bytes} bytes)`],
    ["sha-256", input.sha256],
    [
      "rows",
      `${input.rowsRead} read, ${input.rowsUsed} used, ${input.rowsMissingOutcome} without label/prediction, ` +
        `${input.rowsInvalid} invalid`,
    ],
    ["missing values", missing.length > 0 ? missing.join(", ") : "none"],
  ];
  if (input.timestampRange)
    pairs.push(["time range", `${input.timestampRange.first} … ${input.timestampRange.last}`]);
  if (input.segments) {
    pairs.push([
      "segments",
      Object.entries(input.segments)
        .map(([s, n]) => `${s} ${n}`)
        .join(", "),
    ]);
  }
  return keyValues(pairs);
}

const groupColumns = [
  { header: "group", value: (g: GroupMetrics) => g.value, max: 40 },
  { header: "n", value: (g: GroupMetrics) => String(g.n) },
  { header: "tp", value: (g: GroupMetrics) => String(g.tp) },
  { header: "fp", value: (g: GroupMetrics) => String(g.fp) },
  { header: "tn", value: (g: GroupMetrics) => String(g.tn) },
  { header: "fn", value: (g: GroupMetrics) => String(g.fn) },
  { header: "prev", value: (g: GroupMetrics) => rate(g.prevalence) },
  { header: "sel.rate", value: (g: GroupMetrics) => rate(g.selectionRate) },
  { header: "TPR", value: (g: GroupMetrics) => rate(g.tpr) },
  { header: "FPR", value: (g: GroupMetrics) => rate(g.fpr) },
  { header: "precision", value: (g: GroupMetrics) => rate(g.precision) },
  { header: "accuracy", value: (g: GroupMetrics) => rate(g.accuracy) },
  {
    header: "",
    value: (g: GroupMetrics) =>
      [g.isReference ? "reference" : "", g.smallGroup ? "small group" : ""].filter(Boolean).join(", "),
  },
];

const betweenColumns = [
  { header: "metric", value: (m: BetweenGroupMetric) => m.metric },
  {
    header: "group",
    value: (m: BetweenGroupMetric) =>
      m.group ? `${m.group} vs ${m.referenceGroup}` : m.method === "between_groups" ? "max vs min" : m.method,
    max: 40,
  },
  {
    header: "value",
    value: (m: BetweenGroupMetric) => (m.value === null ? `- (${m.reason ?? "undefined"})` : rate(m.value)),
  },
  {
    header: "convention",
    value: (m: BetweenGroupMetric) => m.differenceSign ?? m.ratioDirection ?? "",
  },
];

/** The human report: input summary, then per attribute a group table and its between-group metrics. */
export function fairnessText(result: FairnessResult, input: InputSummary): string {
  const out = [inputText(input)];
  const o = result.overall;
  out.push(
    `\nOverall: n ${o.n}, prevalence ${rate(o.prevalence)}, selection rate ${rate(o.selectionRate)}, ` +
      `TPR ${rate(o.tpr)}, FPR ${rate(o.fpr)}, accuracy ${rate(o.accuracy)}\n`,
  );
  const attributes = [...new Set(result.groups.map((g) => g.attribute))];
  for (const attribute of attributes) {
    out.push(`\n${attribute}\n`);
    out.push(
      table(
        result.groups.filter((g) => g.attribute === attribute),
        groupColumns,
      ),
    );
    const between = result.between.filter((m) => m.attribute === attribute);
    if (between.length > 0) out.push(`\n${table(between, betweenColumns)}`);
    const parity = result.parity.find((p) => p.attribute === attribute);
    if (parity) {
      const failed = Object.entries(parity.verdicts)
        .filter(([, ok]) => !ok)
        .map(([k]) => k);
      out.push(
        `parity (τ ${result.conventions.tau}, reference ${parity.referenceGroup ?? "-"}, ` +
          `${parity.referenceSelection}): ${failed.length === 0 ? "all fair" : `not fair on ${failed.join(", ")}`}\n`,
      );
    }
  }
  out.push(`\nNote: ${result.conventions.fourFifths}\n`);
  return out.join("");
}
