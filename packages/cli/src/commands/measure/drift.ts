import { resolve } from "node:path";
import type { Command } from "commander";
import {
  computeDrift,
  createColumnProfiler,
  DomainError,
  type ColumnDrift,
  type ColumnProfileReport,
  type ColumnSummary,
  type FieldIssue,
  type TabularRow,
} from "@openaims/core";
import { addUploadOptions, checkUploadOptions, finishRun, type UploadOptions } from "./upload";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { printJson, table } from "../../output/format";
import { listOption } from "./input-options";
import { rate } from "./present";
import { formatOf, openTable, type TableFormat } from "./read-table";

interface DriftCliOptions {
  reference: string;
  current: string;
  column: string[];
  numeric: string[];
  categorical: string[];
  format?: string;
  delimiter?: string;
  na?: string[];
  bins?: string;
  skipInvalid?: boolean;
  json?: boolean;
}

export interface DriftInputSummary extends ColumnProfileReport {
  file: string;
  format: TableFormat;
  bytes: number;
  sha256: string;
}

const issuesOf = (r: ColumnProfileReport): FieldIssue[] => [
  ...r.issues.map((i) => ({ path: `line ${i.line}${i.column ? `: ${i.column}` : ""}`, message: i.message })),
  ...(r.issuesTruncated
    ? [{ path: "…", message: `and ${r.rowsInvalid - r.issues.length} more invalid rows` }]
    : []),
];

async function profile(
  ctx: CommandContext,
  file: string,
  opts: DriftCliOptions,
  kinds: Record<string, "numeric" | "categorical">,
): Promise<{ summaries: ColumnSummary[]; input: DriftInputSummary }> {
  const format = formatOf(file, opts.format);
  let t;
  try {
    t = await openTable(resolve(ctx.io.cwd, file), { format, delimiter: opts.delimiter });
  } catch (e) {
    throw usageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const profiler = createColumnProfiler({
    columns: opts.column.length > 0 ? opts.column : undefined,
    kinds,
    naValues: opts.na,
  });
  let seenHeader = false;
  const one = (r: TabularRow) => {
    if (!seenHeader) {
      if (r.error !== undefined)
        throw usageError(`${file}: line ${r.line} ${r.error}; expected the header first.`);
      profiler.header(r.cells);
      seenHeader = true;
    } else profiler.row(r, format === "csv");
  };
  try {
    for await (const item of t.rows) {
      if (Array.isArray(item)) for (const r of item) one(r);
      else one(item);
    }
  } catch (e) {
    if (e instanceof DomainError) {
      const issues = (e.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];
      throw new CliError(ExitCode.usage, `${file}: ${e.message}`, issues);
    }
    throw e;
  } finally {
    t.close();
  }
  if (!seenHeader) throw usageError(`${file}: the file is empty; expected a header line first.`);
  const { summaries, report } = profiler.finish();
  const input = { file, format, bytes: t.bytesRead(), sha256: t.sha256(), ...report };
  if (report.rowsInvalid > 0 && !opts.skipInvalid) {
    if (opts.json) ctx.out(printJson({ input }));
    throw new CliError(
      ExitCode.usage,
      `${file}: ${report.rowsInvalid} of ${report.rowsRead} rows are not valid; nothing was measured. ` +
        `Fix them, or use --skip-invalid to leave them out.`,
      issuesOf(report),
    );
  }
  return { summaries, input };
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function registerMeasureDrift(measure: Command, ctx: CommandContext) {
  const cmd = measure
    .command("drift")
    .summary(
      "data drift per column between a reference and a current file (PSI, KS, chi-square, JS, Wasserstein)",
    )
    .description(
      "Streams both files once. Each column is numeric when every present value in the reference is a number\n" +
        "(else categorical; override with --numeric/--categorical). PSI bins come from the reference (deciles for\n" +
        "numbers, one bin per category plus __other__ and __missing__); see docs/measurement.md.",
    )
    .requiredOption("--reference <file>", "the reference (expected) data: CSV or JSON Lines")
    .requiredOption("--current <file>", "the current (actual) data, same columns")
    .option(
      "--column <column>",
      "a column to compare (repeatable; default: every column of the reference)",
      repeat,
      [],
    )
    .option("--numeric <columns>", "columns to treat as numeric (comma-separated)", listOption, [])
    .option("--categorical <columns>", "columns to treat as categorical (comma-separated)", listOption, [])
    .option("--format <format>", "csv or jsonl (default: from the file names, else csv)")
    .option("--delimiter <char>", "CSV field delimiter", ",")
    .option("--na <values>", "texts read as missing besides the empty cell", listOption)
    .option("--bins <n>", "numeric PSI quantile bins on the reference", "10")
    .option("--skip-invalid", "leave out invalid rows instead of failing")
    .option("--json", "print every column's drift result as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims measure drift --reference train.csv --current last-week.csv\n" +
        "  aims measure drift --reference a.csv --current b.csv --column age --column region --json",
    )
    .action(
      ctx.action(async (opts: DriftCliOptions & UploadOptions, ...rest: unknown[]) => {
        checkUploadOptions(opts);
        const bins = Number(opts.bins ?? "10");
        if (!Number.isInteger(bins) || bins < 2)
          throw usageError(`--bins must be a whole number ≥ 2, not "${opts.bins}".`);
        if (opts.format !== undefined && opts.format !== "csv" && opts.format !== "jsonl") {
          throw usageError(`--format must be csv or jsonl, not "${opts.format}".`);
        }
        const both = opts.numeric.filter((c) => opts.categorical.includes(c));
        if (both.length > 0)
          throw usageError(`Columns both --numeric and --categorical: ${both.join(", ")}.`);
        const forced: Record<string, "numeric" | "categorical"> = {};
        for (const c of opts.numeric) forced[c] = "numeric";
        for (const c of opts.categorical) forced[c] = "categorical";
        const ref = await profile(ctx, opts.reference, opts, forced);
        // the current file is read with the reference's kinds and columns
        const kinds = Object.fromEntries(ref.summaries.map((s) => [s.name, s.kind]));
        const cur = await profile(
          ctx,
          opts.current,
          { ...opts, column: ref.summaries.map((s) => s.name) },
          kinds,
        );
        const columns: ColumnDrift[] = ref.summaries.map((s, i) =>
          computeDrift(s, cur.summaries[i]!, { bins }),
        );
        for (const w of [
          ...ref.input.warnings.map((w) => `reference: ${w}`),
          ...cur.input.warnings.map((w) => `current: ${w}`),
        ])
          ctx.note(`warning: ${w}`);
        const payload = { kind: "drift", columns, reference: ref.input, current: cur.input };
        ctx.out(opts.json ? printJson(payload) : driftText(columns, ref.input, cur.input));
        return finishRun(
          ctx,
          opts as DriftCliOptions & UploadOptions & Record<string, unknown>,
          payload,
          rest,
        );
      }),
    );
  addUploadOptions(cmd);
}

const test = (c: ColumnDrift, metric: string) => c.tests.find((t) => t.metric === metric);

export function driftText(columns: ColumnDrift[], ref: DriftInputSummary, cur: DriftInputSummary): string {
  const head =
    `reference: ${ref.file} (${ref.rowsUsed} rows, sha-256 ${ref.sha256})\n` +
    `current:   ${cur.file} (${cur.rowsUsed} rows, sha-256 ${cur.sha256})\n\n`;
  return (
    head +
    table(columns, [
      { header: "column", value: (c) => c.column, max: 30 },
      { header: "kind", value: (c) => c.columnKind },
      { header: "PSI", value: (c) => rate(test(c, "psi")?.value) },
      { header: "PSI band", value: (c) => test(c, "psi")?.band ?? "-" },
      {
        header: "test p",
        value: (c) => rate((test(c, "ks") ?? test(c, "chi_square"))?.pValue),
      },
      { header: "JS", value: (c) => rate(test(c, "jensen_shannon")?.value) },
      { header: "W1", value: (c) => rate(test(c, "wasserstein")?.value) },
      {
        header: "drift by",
        value: (c) =>
          c.tests
            .filter((t) => t.drift)
            .map((t) => t.metric)
            .join(", ") || "none",
      },
    ])
  );
}
