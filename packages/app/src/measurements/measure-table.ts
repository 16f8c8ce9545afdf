// Measuring a streamed table with core's mappers and accumulators, shared by the server (uploads) and the CLI:
// both produce exactly the payload `aims measure … --json` prints, so a run stored from an upload and one posted
// from the CLI are the same record.
import {
  createColumnProfiler,
  createPerformanceAccumulator,
  invalidInput,
  type ColumnProfileReport,
  type ColumnSummary,
  type FieldIssue,
  type InputIssue,
  type InputReport,
  type PerformanceAccumulator,
  type PerformanceResult,
  type TabularRow,
} from "@openaims/core";
import type { TableFormat, TableRows } from "./table-rows";

/** The input part of every measurement result: the file's identity plus the reader's report. */
export interface InputSummary extends InputReport {
  file: string;
  format: TableFormat;
  bytes: number;
  sha256: string;
}

export interface DriftInputSummary extends ColumnProfileReport {
  file: string;
  format: TableFormat;
  bytes: number;
  sha256: string;
}

/** The file's identity (name, format, bytes and SHA-256 read) followed by a reader's report. */
export const summaryOf = <R extends object>(file: string, table: TableRows, report: R) => ({
  file,
  format: table.format,
  bytes: table.bytesRead(),
  sha256: table.sha256(),
  ...report,
});

/** One group's performance: the attribute and value, then the accumulator's result. */
export type GroupPerformance = { attribute: string; value: string } & PerformanceResult;

const MISSING = "__missing__";

/** Performance overall and per value of each `attributes` column (a missing value is the group `__missing__`). */
export function createPerformanceByGroup(attributes: readonly string[]) {
  const overall = createPerformanceAccumulator();
  const byGroup = new Map<string, { attribute: string; value: string; acc: PerformanceAccumulator }>();
  return {
    add(r: { label: 0 | 1; prediction: 0 | 1; score?: number; groups: Record<string, string> }) {
      overall.add(r);
      for (const attribute of attributes) {
        const value = r.groups[attribute] ?? MISSING;
        const key = `${attribute}\u0000${value}`;
        let g = byGroup.get(key);
        if (!g) byGroup.set(key, (g = { attribute, value, acc: createPerformanceAccumulator() }));
        g.acc.add(r);
      }
    },
    result(): { overall: PerformanceResult; groups: GroupPerformance[] } {
      const groups = [...byGroup.values()]
        .sort((a, b) => a.attribute.localeCompare(b.attribute) || a.value.localeCompare(b.value))
        .map((g) => ({ attribute: g.attribute, value: g.value, ...g.acc.result() }));
      return { overall: overall.result(), groups };
    },
  };
}

/** A report's invalid rows as field issues (`line 12: race`), with a line for those not listed. */
export const rowIssues = (r: {
  issues: readonly InputIssue[];
  issuesTruncated: boolean;
  rowsInvalid: number;
}): FieldIssue[] => [
  ...r.issues.map((i) => ({ path: `line ${i.line}${i.column ? `: ${i.column}` : ""}`, message: i.message })),
  ...(r.issuesTruncated
    ? [{ path: "…", message: `and ${r.rowsInvalid - r.issues.length} more invalid rows` }]
    : []),
];

/** The message for a read that found invalid rows; `how` names the way to skip them (CLI flag or API field). */
export const invalidRowsMessage = (file: string, rowsInvalid: number, rowsRead: number, how: string) =>
  `${file}: ${rowsInvalid} of ${rowsRead} rows are not valid; nothing was measured. ` +
  `Fix them, or use ${how} to leave them out.`;

export interface ProfileOptions {
  columns?: readonly string[];
  kinds: Record<string, "numeric" | "categorical">;
  naValues?: readonly string[];
}

/**
 * Streams a table through core's column profiler (drift). Throws invalid_input for an empty input or a bad header;
 * invalid rows are the caller's decision (`input.rowsInvalid`).
 */
export async function profileTable(
  file: string,
  table: TableRows,
  options: ProfileOptions,
): Promise<{ summaries: ColumnSummary[]; input: DriftInputSummary }> {
  const profiler = createColumnProfiler({
    columns: options.columns?.length ? options.columns : undefined,
    kinds: options.kinds,
    naValues: options.naValues,
  });
  let seenHeader = false;
  const checkWidth = table.format === "csv";
  const one = (r: TabularRow) => {
    if (!seenHeader) {
      if (r.error !== undefined)
        throw invalidInput(`${file}: line ${r.line} ${r.error}; expected the header first.`);
      profiler.header(r.cells);
      seenHeader = true;
    } else profiler.row(r, checkWidth);
  };
  for await (const item of table.rows) {
    if (Array.isArray(item)) for (const r of item) one(r);
    else one(item as TabularRow);
  }
  if (!seenHeader) throw invalidInput(`${file}: the file is empty; expected a header line first.`);
  const { summaries, report } = profiler.finish();
  return { summaries, input: summaryOf(file, table, report) };
}

/** Kinds forced by `numeric` / `categorical` lists; a column in both is a usage error (thrown as invalid_input). */
export function forcedKinds(
  numeric: readonly string[],
  categorical: readonly string[],
): Record<string, "numeric" | "categorical"> {
  const both = numeric.filter((c) => categorical.includes(c));
  if (both.length > 0)
    throw invalidInput(`Columns both numeric and categorical: ${both.join(", ")}.`, {
      issues: [{ path: "numeric", message: `also categorical: ${both.join(", ")}` }],
    });
  const forced: Record<string, "numeric" | "categorical"> = {};
  for (const c of numeric) forced[c] = "numeric";
  for (const c of categorical) forced[c] = "categorical";
  return forced;
}

/** A reference group that no row has is a mistake (a typo), not a measurement: the values present are listed. */
export function missingReference(
  reference: Record<string, string>,
  groups: readonly { attribute: string; value: string }[],
): string | null {
  for (const [attribute, value] of Object.entries(reference)) {
    const values = groups.filter((g) => g.attribute === attribute).map((g) => g.value);
    if (!values.includes(value))
      return `reference ${attribute}=${value}: no row has this value. Values of ${attribute}: ${values.join(", ")}.`;
  }
  return null;
}
