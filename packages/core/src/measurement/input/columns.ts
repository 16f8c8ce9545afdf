// Rows of a data file → per-column summaries for drift (numeric or categorical), streamed one row at a time.
// Same header rules as the classification reader: duplicates warned (first used), unknown columns listed.
import { invalidInput } from "../../shared/domain-error";
import { createColumnSummarizer } from "../drift";
import type { ColumnSummarizer, ColumnSummary } from "../types";
import type { DuplicateColumn, InputIssue, TabularRow } from "./read";
import { DEFAULT_NA_VALUES } from "./spec";

export interface ColumnProfileOptions {
  /** Columns to summarise; default every column of the header (first occurrence of duplicates). */
  columns?: readonly string[];
  /** Kind per column. Absent: numeric when every present value is a number, else categorical. */
  kinds?: Readonly<Record<string, "numeric" | "categorical">>;
  naValues?: readonly string[];
  maxIssues?: number;
  /** Seed of the numeric reservoir samples. Default 1. */
  seed?: number;
}

export interface ColumnProfileReport {
  columns: number;
  duplicateColumns: DuplicateColumn[];
  rowsRead: number;
  rowsUsed: number;
  rowsInvalid: number;
  missingValues: Record<string, number>;
  issues: InputIssue[];
  issuesTruncated: boolean;
  warnings: string[];
}

const text = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === "string" ? v.trim() : String(v);

/** Streams rows (header first, via `header`/`row`) into one summary per column. */
export function createColumnProfiler(options: ColumnProfileOptions = {}) {
  const na = new Set(options.naValues ?? DEFAULT_NA_VALUES);
  const maxIssues = options.maxIssues ?? 100;
  const report: ColumnProfileReport = {
    columns: 0,
    duplicateColumns: [],
    rowsRead: 0,
    rowsUsed: 0,
    rowsInvalid: 0,
    missingValues: {},
    issues: [],
    issuesTruncated: false,
    warnings: [],
  };
  interface Col {
    name: string;
    at: number;
    forced: "numeric" | "categorical" | null;
    numeric: ColumnSummarizer | null;
    categorical: ColumnSummarizer | null;
  }
  let cols: Col[] = [];
  let width = -1;
  const issue = (line: number, column: string | null, message: string) => {
    if (report.issues.length < maxIssues) report.issues.push({ line, column, message });
    else report.issuesTruncated = true;
  };

  function header(names: readonly unknown[]) {
    const all = names.map((n, i) => (i === 0 ? (text(n) ?? "").replace(/^\uFEFF/, "") : (text(n) ?? "")));
    if (all.every((c) => c === ""))
      throw invalidInput("The header line is empty; expected column names first.");
    width = all.length;
    report.columns = width;
    const firstAt = new Map<string, number>();
    const dups = new Map<string, number[]>();
    all.forEach((c, i) => {
      const first = firstAt.get(c);
      if (first === undefined) firstAt.set(c, i);
      else dups.set(c, [...(dups.get(c) ?? [first + 1]), i + 1]);
    });
    report.duplicateColumns = [...dups].map(([name, positions]) => ({ name, positions }));
    if (report.duplicateColumns.length > 0) {
      const list = report.duplicateColumns.map((d) => `${d.name} (columns ${d.positions.join(", ")})`);
      report.warnings.push(
        `Duplicate column names: ${list.join("; ")}. The first occurrence of each is used.`,
      );
    }
    const wanted = options.columns?.length
      ? [...new Set(options.columns)]
      : [...firstAt.keys()].filter((c) => c !== "");
    const unknown = wanted.filter((c) => !firstAt.has(c));
    if (unknown.length > 0) {
      throw invalidInput(
        `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}. ` +
          `Available columns: ${[...firstAt.keys()].join(", ")}.`,
        {
          issues: unknown.map((c) => ({ path: c, message: "no such column" })),
          available: [...firstAt.keys()],
        },
      );
    }
    const seed = options.seed ?? 1;
    cols = wanted.map((name) => {
      const forced = options.kinds?.[name] ?? null;
      report.missingValues[name] = 0;
      return {
        name,
        at: firstAt.get(name)!,
        forced,
        numeric: forced === "categorical" ? null : createColumnSummarizer(name, "numeric", { seed }),
        categorical: forced === "numeric" ? null : createColumnSummarizer(name, "categorical", { seed }),
      };
    });
  }

  function row(r: TabularRow, checkWidth = true) {
    if (width < 0) throw new Error("header() must be called before row()");
    report.rowsRead++;
    if (r.error !== undefined || (checkWidth && r.cells.length !== width)) {
      report.rowsInvalid++;
      issue(r.line, null, r.error ?? `has ${r.cells.length} fields but the header has ${width}`);
      return;
    }
    const values: (string | number | null)[] = [];
    let invalid = false;
    for (const c of cols) {
      const s = text(r.cells[c.at]);
      if (s === null || s === "" || na.has(s)) {
        values.push(null);
        continue;
      }
      const x = Number(s);
      if (Number.isFinite(x)) values.push(x);
      else if (c.forced === "numeric") {
        invalid = true;
        issue(r.line, c.name, `"${s}" is not a number (the column is numeric in the reference)`);
        values.push(null);
      } else values.push(s);
    }
    if (invalid) {
      report.rowsInvalid++;
      return;
    }
    report.rowsUsed++;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      const v = values[i]!;
      if (v === null) report.missingValues[c.name]!++;
      if (typeof v === "string") c.numeric = null; // a text value: the column is categorical
      c.numeric?.add(v);
      c.categorical?.add(v === null ? null : String(typeof v === "number" ? text(r.cells[c.at]) : v));
    }
  }

  /** One summary per column: numeric if it was forced so or every present value was a number. */
  function finish(): { summaries: ColumnSummary[]; report: ColumnProfileReport } {
    const summaries = cols.map((c) => (c.numeric ?? c.categorical)!.summary());
    return { summaries, report };
  }

  return { header, row, finish, report };
}
