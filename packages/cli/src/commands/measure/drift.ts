import type { Command } from "commander";
import {
  computeDrift,
  DomainError,
  type ColumnDrift,
  type ColumnSummary,
  type FieldIssue,
} from "@openaims/core";
import {
  forcedKinds,
  invalidRowsMessage,
  profileTable,
  rowIssues,
  type DriftInputSummary,
} from "@openaims/app";
import { addUploadOptions, checkUploadOptions, finishRun, sendFiles, type UploadOptions } from "./upload";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { printJson, table } from "../../output/format";
import { listOption, openInput } from "./input-options";
import { rate } from "./present";
import { formatOf } from "./read-table";

export type { DriftInputSummary };

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

const domainIssues = (e: DomainError): FieldIssue[] =>
  (e.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [];

async function profile(
  ctx: CommandContext,
  file: string,
  opts: DriftCliOptions,
  kinds: Record<string, "numeric" | "categorical">,
): Promise<{ summaries: ColumnSummary[]; input: DriftInputSummary }> {
  const t = await openInput(ctx, file, { format: formatOf(file, opts.format), delimiter: opts.delimiter });
  let out;
  try {
    out = await profileTable(file, t, { columns: opts.column, kinds, naValues: opts.na });
  } catch (e) {
    if (e instanceof DomainError) {
      const message = e.message.startsWith(`${file}: `) ? e.message : `${file}: ${e.message}`;
      throw new CliError(ExitCode.usage, message, domainIssues(e));
    }
    throw e;
  } finally {
    t.close();
  }
  const { input } = out;
  if (input.rowsInvalid > 0 && !opts.skipInvalid) {
    if (opts.json) ctx.out(printJson({ input }));
    throw new CliError(
      ExitCode.usage,
      invalidRowsMessage(file, input.rowsInvalid, input.rowsRead, "--skip-invalid"),
      rowIssues(input),
    );
  }
  return out;
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
        const forced = forcedKinds(opts.numeric, opts.categorical);
        if (opts.sendFile) {
          const params = {
            kind: "drift",
            columns: opts.column,
            numeric: opts.numeric,
            categorical: opts.categorical,
            bins,
            na: opts.na,
            skipInvalid: !!opts.skipInvalid,
            format: opts.format,
            delimiter: opts.delimiter,
          };
          const files: [string, string][] = [
            ["reference", opts.reference],
            ["current", opts.current],
          ];
          return sendFiles(ctx, opts, params, files, rest);
        }
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
