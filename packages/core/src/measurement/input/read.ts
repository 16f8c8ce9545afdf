// Rows of a prediction file → ClassificationRecord values, one at a time (never the whole file in memory).
// The caller parses bytes (csv-parse, JSON Lines) into TabularRow values: the first row is the header.
// Every quirk is counted and reported; nothing is silently read as 0.
import { invalidInput } from "../../shared/domain-error";
import type { FieldIssue } from "../../shared/zod-issues";
import type { ClassificationRecord } from "../types";
import { groupValuesReader } from "./group-values";
import { assertClassificationInputSpec, DEFAULT_NA_VALUES, type ClassificationInputSpec } from "./spec";

/** One parsed row: its 1-based line in the file (where the record starts) and its cells. */
export interface TabularRow {
  line: number;
  /** Strings from CSV; JSON Lines may give numbers, booleans or null. Missing keys are undefined. */
  cells: readonly unknown[];
  /** The parser could not read this row (e.g. invalid JSON, a broken quote): counted invalid with this message. */
  error?: string;
}

/** A record plus the optional timestamp/segment the spec asked for. */
export interface MappedRecord extends ClassificationRecord {
  timestamp?: string;
  segment?: string;
}

export interface InputIssue {
  line: number;
  column: string | null;
  message: string;
}

export interface DuplicateColumn {
  name: string;
  /** 1-based column positions; the first is the one read. */
  positions: number[];
}

export interface InputReport {
  columns: number;
  duplicateColumns: DuplicateColumn[];
  /** Data rows seen (the header excluded; blank lines are not rows). */
  rowsRead: number;
  /** Rows given to the accumulator. */
  rowsUsed: number;
  /** Rows with a wrong number of fields or a value outside the mapping. */
  rowsInvalid: number;
  /** Rows left out because the label, prediction or score was missing. */
  rowsMissingOutcome: number;
  /** Per used column: cells that were empty or an NA text. Group columns' rows are kept (group "__missing__"). */
  missingValues: Record<string, number>;
  /** Per label/prediction column: values outside the mapping and how many rows had each (at most 20 listed). */
  unexpectedValues: Record<string, Record<string, number>>;
  /** The first invalid rows, with line numbers (at most maxIssues). */
  issues: InputIssue[];
  issuesTruncated: boolean;
  /** Scores outside [0, 1]: thresholded, but not used for calibration. */
  scoresOutsideUnitInterval: number;
  timestampRange: { first: string; last: string } | null;
  /** Rows per segment value (at most 1000 values; the rest counted under "__other__"). */
  segments: Record<string, number> | null;
  mapping: InputMapping;
  warnings: string[];
}

export interface InputMapping {
  label: { column: string; positive: string[] | "1/true"; negative: string[] | "0/false" | "all_other" };
  prediction:
    | { column: string; positive: string[] | "1/true"; negative: string[] | "0/false" | "all_other" }
    | { scoreColumn: string; threshold: number; rule: "score >= threshold" };
  groups: string[];
  timestamp: string | null;
  segment: string | null;
  naValues: string[];
}

export interface ReadOptions {
  /** Rows with problems are left out and listed instead of failing the run. */
  skipInvalid?: boolean;
  /** Invalid rows listed in the report (all are counted). Default 100. */
  maxIssues?: number;
  /** At least one group column (fairness). Default true; performance measures may have none. */
  requireGroups?: boolean;
}

const MAX_UNEXPECTED = 20;
const MAX_SEGMENTS = 1000;
type Binary = 0 | 1 | null | "missing";

const cellText = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
};

function binaryReader(
  positive: readonly string[] | undefined,
  negative: readonly string[] | undefined,
  isNa: (s: string) => boolean,
): (v: unknown) => Binary {
  const pos = positive && positive.length > 0 ? new Set(positive) : null;
  const neg = negative && negative.length > 0 ? new Set(negative) : null;
  // A label or prediction column holds a handful of distinct cells: each is read once, then looked up.
  const seen = new Map<unknown, Binary>();
  return (v) => {
    let b = seen.get(v);
    if (b === undefined) {
      b = read(v);
      if (seen.size < 256 && (typeof v !== "object" || v === null)) seen.set(v, b);
    }
    return b;
  };
  function read(v: unknown): Binary {
    const s = cellText(v);
    if (s === null || s === "" || isNa(s)) return "missing";
    if (pos || neg) {
      if (pos?.has(s)) return 1;
      if (neg?.has(s)) return 0;
      if (pos && neg) return null;
      return pos ? 0 : 1;
    }
    if (s === "1" || s === "true" || s === "True" || s === "TRUE") return 1;
    if (s === "0" || s === "false" || s === "False" || s === "FALSE") return 0;
    const n = Number(s);
    return n === 1 ? 1 : n === 0 && s.trim() !== "" ? 0 : null;
  }
}

const mappingOf = (positive?: readonly string[], negative?: readonly string[]) => ({
  positive: positive?.length ? [...positive] : ("1/true" as const),
  negative: negative?.length
    ? [...negative]
    : positive?.length
      ? ("all_other" as const)
      : ("0/false" as const),
});

/**
 * The row mapper behind mapClassificationRows, for callers that parse synchronously. `header` resolves column
 * names (throws invalid_input listing the available columns when one is unknown); `row` maps one row and returns
 * the record, or null when the row is left out (counted in the report).
 */
export function createClassificationMapper(spec: ClassificationInputSpec, options: ReadOptions = {}) {
  assertClassificationInputSpec(spec, { requireGroups: options.requireGroups });
  const maxIssues = options.maxIssues ?? 100;
  const naValues = [...(spec.naValues ?? DEFAULT_NA_VALUES)];
  const naSet = new Set(naValues);
  const isNa = (s: string) => naSet.has(s);
  const readLabel = binaryReader(spec.labelPositive, spec.labelNegative, isNa);
  const readPrediction = spec.prediction ? binaryReader(spec.positive, spec.negative, isNa) : null;
  const outcomeColumn = spec.prediction ?? spec.score!;
  const threshold = spec.threshold ?? 0;
  const groups = [...spec.groups];
  const readGroups = groupValuesReader(groups, (v) => {
    const s = cellText(v);
    return s === null || s === "" || isNa(s) ? null : s;
  });

  const report: InputReport = {
    columns: 0,
    duplicateColumns: [],
    rowsRead: 0,
    rowsUsed: 0,
    rowsInvalid: 0,
    rowsMissingOutcome: 0,
    missingValues: {},
    unexpectedValues: {},
    issues: [],
    issuesTruncated: false,
    scoresOutsideUnitInterval: 0,
    timestampRange: null,
    segments: spec.segment ? {} : null,
    mapping: {
      label: { column: spec.label, ...mappingOf(spec.labelPositive, spec.labelNegative) },
      prediction: spec.prediction
        ? { column: spec.prediction, ...mappingOf(spec.positive, spec.negative) }
        : { scoreColumn: spec.score!, threshold, rule: "score >= threshold" },
      groups,
      timestamp: spec.timestamp ?? null,
      segment: spec.segment ?? null,
      naValues,
    },
    warnings: [],
  };
  for (const c of [spec.label, outcomeColumn, ...groups, spec.timestamp, spec.segment]) {
    if (c !== undefined) report.missingValues[c] = 0;
  }

  let width = -1;
  let labelAt = -1;
  let outcomeAt = -1;
  let groupAt: number[] = [];
  let timestampAt = -1;
  let segmentAt = -1;
  let labelPositives = 0;
  let predictionPositives = 0;
  let firstTime = Infinity;
  let lastTime = -Infinity;

  const issue = (line: number, column: string | null, message: string) => {
    if (report.issues.length < maxIssues) report.issues.push({ line, column, message });
    else report.issuesTruncated = true;
  };
  const unexpected = (column: string, value: string) => {
    const seen = (report.unexpectedValues[column] ??= {});
    if (value in seen) seen[value]!++;
    else if (Object.keys(seen).length < MAX_UNEXPECTED) seen[value] = 1;
  };
  const mappingHint = (which: "label" | "prediction") => {
    const m = which === "label" ? report.mapping.label : (report.mapping.prediction as InputMapping["label"]);
    const flag = which === "label" ? "--label-positive/--label-negative" : "--positive/--negative";
    return Array.isArray(m.positive) && Array.isArray(m.negative)
      ? `positive: ${m.positive.join(", ")}; negative: ${m.negative.join(", ")}`
      : `expected 1/0 or true/false; map other values with ${flag}`;
  };

  function header(names: readonly unknown[]): void {
    const cols = names.map((n, i) => {
      const s = cellText(n) ?? "";
      return i === 0 ? s.replace(/^\uFEFF/, "") : s;
    });
    if (cols.length === 0 || cols.every((c) => c === "")) {
      throw invalidInput("The header line is empty; expected column names first.");
    }
    width = cols.length;
    report.columns = width;
    const firstAt = new Map<string, number>();
    const dups = new Map<string, number[]>();
    cols.forEach((c, i) => {
      const first = firstAt.get(c);
      if (first === undefined) firstAt.set(c, i);
      else {
        const positions = dups.get(c) ?? [first + 1];
        positions.push(i + 1);
        dups.set(c, positions);
      }
    });
    report.duplicateColumns = [...dups].map(([name, positions]) => ({ name, positions }));
    if (report.duplicateColumns.length > 0) {
      const list = report.duplicateColumns.map((d) => `${d.name} (columns ${d.positions.join(", ")})`);
      report.warnings.push(
        `Duplicate column names: ${list.join("; ")}. The first occurrence of each is used.`,
      );
    }
    const wanted = [...new Set(Object.keys(report.missingValues))];
    const unknown = wanted.filter((c) => !firstAt.has(c));
    if (unknown.length > 0) {
      const issues: FieldIssue[] = unknown.map((c) => {
        const near = cols.find((x) => x.toLowerCase() === c.toLowerCase());
        return { path: c, message: near ? `no such column (did you mean "${near}"?)` : "no such column" };
      });
      throw invalidInput(
        `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}. ` +
          `Available columns: ${[...firstAt.keys()].join(", ")}.`,
        { issues, available: [...firstAt.keys()] },
      );
    }
    const at = (c: string) => firstAt.get(c)!;
    labelAt = at(spec.label);
    outcomeAt = at(outcomeColumn);
    groupAt = groups.map(at);
    timestampAt = spec.timestamp ? at(spec.timestamp) : -1;
    segmentAt = spec.segment ? at(spec.segment) : -1;
  }

  /** Maps one data row; `checkWidth` is false for JSON Lines, whose cells are looked up by name. */
  function row(r: TabularRow, checkWidth = true): MappedRecord | null {
    if (width < 0) throw new Error("header() must be called before row()");
    report.rowsRead++;
    const cells = r.cells;
    if (r.error !== undefined) {
      report.rowsInvalid++;
      issue(r.line, null, r.error);
      return null;
    }
    if (checkWidth && cells.length !== width) {
      report.rowsInvalid++;
      issue(r.line, null, `has ${cells.length} fields but the header has ${width}`);
      return null;
    }
    let invalid = false;
    let missingOutcome = false;

    const label = readLabel(cells[labelAt]);
    if (label === "missing") {
      report.missingValues[spec.label]!++;
      missingOutcome = true;
    } else if (label === null) {
      invalid = true;
      const v = cellText(cells[labelAt])!;
      unexpected(spec.label, v);
      issue(r.line, spec.label, `label value "${v}" is outside the mapping (${mappingHint("label")})`);
    }

    let prediction: Binary;
    let score: number | undefined;
    if (readPrediction) {
      prediction = readPrediction(cells[outcomeAt]);
      if (prediction === null) {
        invalid = true;
        const v = cellText(cells[outcomeAt])!;
        unexpected(outcomeColumn, v);
        issue(
          r.line,
          outcomeColumn,
          `prediction value "${v}" is outside the mapping (${mappingHint("prediction")})`,
        );
      }
    } else {
      const s = cellText(cells[outcomeAt]);
      if (s === null || s === "" || isNa(s)) prediction = "missing";
      else {
        const n = Number(s);
        if (!Number.isFinite(n)) {
          prediction = null;
          invalid = true;
          issue(r.line, outcomeColumn, `score "${s}" is not a number`);
        } else {
          prediction = n >= threshold ? 1 : 0;
          if (n >= 0 && n <= 1) score = n;
          else report.scoresOutsideUnitInterval++;
        }
      }
    }
    if (prediction === "missing") {
      report.missingValues[outcomeColumn]!++;
      missingOutcome = true;
    }

    const groupValues = readGroups(cells, groupAt);
    for (let i = 0; i < groupValues.missing.length; i++)
      report.missingValues[groups[groupValues.missing[i]!]!]!++;

    let timestamp: string | undefined;
    if (timestampAt >= 0) {
      const s = cellText(cells[timestampAt]);
      if (s === null || s === "" || isNa(s)) report.missingValues[spec.timestamp!]!++;
      else {
        const t = Date.parse(s);
        if (Number.isNaN(t)) {
          invalid = true;
          issue(r.line, spec.timestamp!, `timestamp "${s}" is not a date`);
        } else {
          timestamp = s;
          if (t < firstTime) firstTime = t;
          if (t > lastTime) lastTime = t;
        }
      }
    }
    let segment: string | undefined;
    if (segmentAt >= 0) {
      const s = cellText(cells[segmentAt]);
      if (s === null || s === "" || isNa(s)) report.missingValues[spec.segment!]!++;
      else segment = s;
    }

    if (invalid) {
      report.rowsInvalid++;
      return null;
    }
    if (missingOutcome) {
      report.rowsMissingOutcome++;
      return null;
    }
    report.rowsUsed++;
    if (label === 1) labelPositives++;
    if (prediction === 1) predictionPositives++;
    if (segment !== undefined && report.segments) {
      const key =
        segment in report.segments || Object.keys(report.segments).length < MAX_SEGMENTS
          ? segment
          : "__other__";
      report.segments[key] = (report.segments[key] ?? 0) + 1;
    }
    const rec: MappedRecord = {
      label: label as 0 | 1,
      prediction: prediction as 0 | 1,
      groups: groupValues.values as Record<string, string>,
    };
    if (score !== undefined) rec.score = score;
    if (timestamp !== undefined) rec.timestamp = timestamp;
    if (segment !== undefined) rec.segment = segment;
    return rec;
  }

  /** The report, with end-of-file warnings (missing values, no positives, out-of-range scores). */
  function finish(): InputReport {
    if (firstTime <= lastTime) {
      report.timestampRange = {
        first: new Date(firstTime).toISOString(),
        last: new Date(lastTime).toISOString(),
      };
    }
    const missing = Object.entries(report.missingValues).filter(([, n]) => n > 0);
    if (missing.length > 0) {
      report.warnings.push(
        `Missing values (empty or ${naValues.join("/")}): ${missing.map(([c, n]) => `${c} ${n}`).join(", ")}.` +
          (report.rowsMissingOutcome > 0
            ? ` ${report.rowsMissingOutcome} rows without a label or prediction were left out.`
            : "") +
          (missing.some(([c]) => groups.includes(c))
            ? ` Rows without a group value count under "__missing__".`
            : ""),
      );
    }
    if (report.rowsUsed > 0 && labelPositives === 0) {
      report.warnings.push(
        `No row has a positive label in "${spec.label}"` +
          (spec.labelPositive?.length
            ? ` (positive: ${spec.labelPositive.join(", ")}); check --label-positive.`
            : "."),
      );
    }
    if (report.rowsUsed > 0 && predictionPositives === 0) {
      report.warnings.push(
        `No row has a positive prediction in "${outcomeColumn}"` +
          (spec.positive?.length ? ` (positive: ${spec.positive.join(", ")}); check --positive.` : "."),
      );
    }
    if (report.scoresOutsideUnitInterval > 0) {
      report.warnings.push(
        `${report.scoresOutsideUnitInterval} scores are outside [0, 1]: they were thresholded but not used for calibration.`,
      );
    }
    if (report.rowsInvalid > 0 && options.skipInvalid) {
      report.warnings.push(`${report.rowsInvalid} invalid rows were skipped (--skip-invalid).`);
    }
    return report;
  }

  return { header, row, finish, report };
}

export type ClassificationMapper = ReturnType<typeof createClassificationMapper>;

/** Thrown at the end of a read that found invalid rows without skipInvalid; `report` lists them. */
export class InvalidRowsError extends Error {
  constructor(readonly report: InputReport) {
    super(
      `${report.rowsInvalid} of ${report.rowsRead} rows are not valid; nothing was measured. ` +
        `Fix them, or use --skip-invalid to leave them out.`,
    );
    this.name = "InvalidRowsError";
  }
}

/**
 * Streams rows (the first is the header; single rows or batches of rows) through the mapper into `sink`. Throws invalid_input on a bad header or
 * an empty input, and InvalidRowsError after the last row when rows were invalid and skipInvalid is off (the
 * sink has then seen only the valid rows: discard what it computed).
 */
export async function mapClassificationRows(
  rows: AsyncIterable<TabularRow | readonly TabularRow[]>,
  spec: ClassificationInputSpec,
  sink: (record: MappedRecord) => void,
  options: ReadOptions & { byName?: boolean } = {},
): Promise<InputReport> {
  const mapper = createClassificationMapper(spec, options);
  const checkWidth = !options.byName;
  let seenHeader = false;
  const one = (r: TabularRow) => {
    if (!seenHeader) {
      if (r.error !== undefined) throw invalidInput(`Line ${r.line} ${r.error}; expected the header first.`);
      mapper.header(r.cells);
      seenHeader = true;
      return;
    }
    const rec = mapper.row(r, checkWidth);
    if (rec) sink(rec);
  };
  for await (const item of rows) {
    if (isBatch(item)) for (let i = 0; i < item.length; i++) one(item[i]!);
    else one(item);
  }
  if (!seenHeader) throw invalidInput("The input is empty; expected a header line first.");
  const report = mapper.finish();
  if (report.rowsInvalid > 0 && !options.skipInvalid) throw new InvalidRowsError(report);
  return report;
}

const isBatch = (x: TabularRow | readonly TabularRow[]): x is readonly TabularRow[] => Array.isArray(x);
