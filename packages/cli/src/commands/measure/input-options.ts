import { resolve } from "node:path";
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import {
  assertClassificationInputSpec,
  DomainError,
  InvalidRowsError,
  mapClassificationRows,
  type ClassificationInputSpec,
  type FieldIssue,
  type MappedRecord,
} from "@openaims/core";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { invalidRowsMessage, rowIssues, summaryOf, type InputSummary } from "@openaims/app";
import { printJson } from "../../output/format";
import { formatOf, openTable, STDIN } from "./read-table";

export type { InputSummary };

/** The options every `aims measure` command that reads one prediction file shares. */
export interface InputOptions {
  file: string;
  format?: string;
  delimiter?: string;
  label: string;
  labelPositive: string[];
  labelNegative: string[];
  prediction?: string;
  positive: string[];
  negative: string[];
  score?: string;
  threshold?: string;
  group: string[];
  timestamp?: string;
  segment?: string;
  na?: string[];
  skipInvalid?: boolean;
  json?: boolean;
}

/** `--positive A,B --positive C` → [A, B, C] (empty items dropped). */
export const listOption = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== ""),
];
const repeat = (value: string, previous: string[] = []) => [...previous, value];

export function addInputOptions(cmd: Command, { groupsRequired }: { groupsRequired: boolean }): Command {
  cmd
    .requiredOption(
      "--file <path>",
      "the prediction file: CSV, or JSON Lines (.jsonl/.ndjson or --format jsonl); - reads standard input",
    )
    .option("--format <format>", "csv or jsonl (default: from the file name, else csv)")
    .option("--delimiter <char>", "CSV field delimiter", ",")
    .requiredOption("--label <column>", "the column of the true outcome")
    .option(
      "--label-positive <values>",
      "label values meaning positive (comma-separated, repeatable)",
      listOption,
      [],
    )
    .option(
      "--label-negative <values>",
      "label values meaning negative; others are then errors",
      listOption,
      [],
    )
    .option("--prediction <column>", "the column of the predicted class")
    .option(
      "--positive <values>",
      "prediction values meaning positive (comma-separated, repeatable)",
      listOption,
      [],
    )
    .option(
      "--negative <values>",
      "prediction values meaning negative; others are then errors",
      listOption,
      [],
    )
    .option("--score <column>", "a numeric score column, thresholded with --threshold")
    .option("--threshold <number>", "prediction = 1 when score >= threshold");
  if (groupsRequired) {
    cmd.requiredOption("--group <column>", "a sensitive-attribute column (repeatable)", repeat, []);
  } else {
    cmd.option("--group <column>", "a column to report per group (repeatable)", repeat, []);
  }
  return cmd
    .option("--timestamp <column>", "a timestamp column: its first and last values are reported")
    .option("--segment <column>", "a segment column: rows are counted per segment")
    .option(
      "--na <values>",
      "texts read as missing besides the empty cell (default NA,N/A,NaN,nan,null,NULL,None,?)",
      listOption,
    )
    .option("--skip-invalid", "leave out invalid rows (listed on stderr) instead of failing")
    .option("--json", "print the whole result as JSON");
}

export function inputSpec(opts: InputOptions): ClassificationInputSpec {
  let threshold: number | undefined;
  if (opts.threshold !== undefined) {
    threshold = Number(opts.threshold);
    if (opts.threshold.trim() === "" || !Number.isFinite(threshold)) {
      throw usageError(`--threshold must be a number, not "${opts.threshold}".`);
    }
  }
  return {
    label: opts.label,
    labelPositive: opts.labelPositive,
    labelNegative: opts.labelNegative,
    prediction: opts.prediction,
    positive: opts.positive,
    negative: opts.negative,
    score: opts.score,
    threshold,
    groups: opts.group,
    timestamp: opts.timestamp,
    segment: opts.segment,
    naValues: opts.na,
  };
}

/** The spec from the options, checked before anything is read (exit 2 naming the flags). */
export function checkedSpec(opts: InputOptions, requireGroups = true): ClassificationInputSpec {
  const spec = inputSpec(opts);
  try {
    assertClassificationInputSpec(spec, { requireGroups });
  } catch (e) {
    if (e instanceof DomainError)
      throw new CliError(ExitCode.usage, e.message, optionIssues(domainIssues(e)));
    throw e;
  }
  return spec;
}

/** The input options as the upload's `params` (`--send-file`): the server reads the file with the same rules. */
export function classificationParams(opts: InputOptions, requireGroups = true): Record<string, unknown> {
  const { groups, naValues, ...spec } = checkedSpec(opts, requireGroups);
  if (opts.format !== undefined && opts.format !== "csv" && opts.format !== "jsonl")
    throw usageError(`--format must be csv or jsonl, not "${opts.format}".`);
  return {
    ...spec,
    groups,
    na: naValues,
    skipInvalid: !!opts.skipInvalid,
    format: opts.format,
    delimiter: opts.delimiter,
  };
}

/** `--file -` (standard input, for pipelines) or a path relative to the working directory. */
export async function openInput(
  ctx: CommandContext,
  file: string,
  options: { format: "csv" | "jsonl"; delimiter?: string },
) {
  if (file === STDIN && !ctx.io.stdinStream)
    throw usageError("Cannot read standard input here; give a file.");
  try {
    return await openTable(resolve(ctx.io.cwd, file), {
      ...options,
      stdin: file === STDIN ? ctx.io.stdinStream : undefined,
    });
  } catch (e) {
    throw usageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** spec paths → the CLI's flags (labelPositive → --label-positive) */
const optionIssues = (issues: FieldIssue[]) =>
  issues.map((i) => ({ ...i, path: `--${i.path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }));

const domainIssues = (e: DomainError): FieldIssue[] => {
  const issues = (e.details as { issues?: FieldIssue[] } | undefined)?.issues;
  return Array.isArray(issues) ? issues : [];
};

/**
 * Streams the file through the core reader into `sink`, with a progress bar on a terminal. Bad arguments, an
 * unreadable file, a bad header or invalid rows (without --skip-invalid) end the command with exit 2.
 */
export async function readInput(
  ctx: CommandContext,
  opts: InputOptions,
  sink: (r: MappedRecord) => void,
  { requireGroups = true }: { requireGroups?: boolean } = {},
): Promise<InputSummary> {
  const spec = checkedSpec(opts, requireGroups);
  const format = formatOf(opts.file, opts.format);
  if (opts.format !== undefined && opts.format !== format) {
    throw usageError(`--format must be csv or jsonl, not "${opts.format}".`);
  }
  if (opts.delimiter !== undefined && opts.delimiter.length !== 1) {
    throw usageError(`--delimiter must be one character, not "${opts.delimiter}".`);
  }
  const table = await openInput(ctx, opts.file, { format, delimiter: opts.delimiter });
  const size = table.size;
  const bar =
    ctx.io.progressStream && size !== null
      ? new SingleBar({
          stream: ctx.io.progressStream,
          format: "Reading [{bar}] {percentage}% | {rows} rows",
          clearOnComplete: true,
          hideCursor: true,
        })
      : null;
  bar?.start(size ?? 0, 0, { rows: 0 });
  let rows = 0;
  const counting = (r: MappedRecord) => {
    sink(r);
    if (++rows % 8192 === 0) bar?.update(table.bytesRead(), { rows });
  };
  const summary = <R extends object>(report: R) => summaryOf(opts.file, table, report);
  try {
    const report = await mapClassificationRows(table.rows, spec, counting, {
      skipInvalid: opts.skipInvalid,
      requireGroups,
      byName: format === "jsonl",
    });
    return summary(report);
  } catch (e) {
    if (e instanceof InvalidRowsError) {
      if (opts.json) ctx.out(printJson({ input: summary(e.report) }));
      const { rowsInvalid, rowsRead } = e.report;
      throw new CliError(
        ExitCode.usage,
        invalidRowsMessage(opts.file, rowsInvalid, rowsRead, "--skip-invalid"),
        rowIssues(e.report),
      );
    }
    if (e instanceof DomainError)
      throw new CliError(ExitCode.usage, `${opts.file}: ${e.message}`, domainIssues(e));
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("CSV_")) {
      const line = "lines" in e ? ` (line ${String(e.lines)})` : "";
      throw usageError(`${opts.file} is not valid CSV${line}: ${e.message}`);
    }
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("E")) {
      throw usageError(`Cannot read ${opts.file}: ${e.code}`);
    }
    throw e;
  } finally {
    bar?.update(table.bytesRead(), { rows });
    bar?.stop();
    table.close();
  }
}

/** Warnings and skipped rows go to stderr, so stdout stays the result. */
export function noteInput(ctx: CommandContext, input: InputSummary) {
  for (const w of input.warnings) ctx.note(`warning: ${w}`);
  if (input.rowsInvalid > 0) ctx.printIssues(rowIssues(input));
}
