import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { AiSystemImportReport } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { ApiError, CliError, ExitCode, usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { checkAiSystemCsv, type RowError } from "./check-csv";

interface ImportOptions {
  dryRun?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
}

const rowIssues = (errors: RowError[]) =>
  errors.flatMap((e) => e.issues.map((i) => ({ path: `line ${e.line}: ${i.path}`, message: i.message })));

const isReport = (x: unknown): x is AiSystemImportReport =>
  !!x && typeof x === "object" && Array.isArray((x as AiSystemImportReport).errors);

export function registerImport(systems: Command, ctx: CommandContext) {
  systems
    .command("import")
    .summary("create and update AI systems from a CSV file")
    .description(
      "Checks the CSV locally first (same rules as the server), then uploads it. Rows with an id update that\n" +
        "system; rows without one create a system. By default the import is all-or-nothing: one invalid row\n" +
        "and nothing is imported (exit 2). With --skip-invalid the valid rows are imported and the invalid ones\n" +
        "are listed on stderr (exit 0). Columns: those 'aims systems export' writes; only name is required.",
    )
    .argument("<file>", "the CSV file ('-' reads standard input)")
    .option("--dry-run", "check everything on the server too, but change nothing")
    .option("--skip-invalid", "import the valid rows and report the invalid ones")
    .option("--json", "print the import report as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims systems import systems.csv --dry-run\n  aims systems import systems.csv --skip-invalid --json",
    )
    .action(
      ctx.action(async (file: string, opts: ImportOptions, ...rest: unknown[]) => {
        const mode = opts.skipInvalid ? "skip_invalid" : "all_or_nothing";
        const text = await readInput(ctx, file);
        const check = await checkAiSystemCsv(text, ctx.io.progressStream);
        if (check.headerIssues.length > 0) {
          throw new CliError(
            ExitCode.usage,
            `${file}: the header row is not valid; nothing was sent.`,
            check.headerIssues,
          );
        }
        if (check.errors.length > 0 && !opts.skipInvalid) {
          if (opts.json) {
            const report: AiSystemImportReport = {
              dryRun: !!opts.dryRun,
              applied: false,
              mode,
              total: check.total,
              created: 0,
              updated: 0,
              unchanged: 0,
              invalid: check.errors.length,
              errors: check.errors,
            };
            ctx.out(printJson(report));
          }
          throw new CliError(
            ExitCode.usage,
            `${check.errors.length} of ${check.total} rows are not valid; nothing was sent. Fix them, or use --skip-invalid.`,
            rowIssues(check.errors),
          );
        }
        const session = await ctx.session(commandOf(rest));
        ctx.io.progressStream?.write(`Sending ${check.total} rows to the server…\n`);
        let report: AiSystemImportReport;
        try {
          report = await session.client.json<AiSystemImportReport>(
            "POST",
            await session.orgPath("/ai-systems/import"),
            {
              body: text,
              contentType: "text/csv",
              query: { dryRun: opts.dryRun ? "true" : undefined, mode },
            },
          );
        } catch (e) {
          // an all-or-nothing import with invalid rows is a 400 whose details are the report
          if (!(e instanceof ApiError && e.status === 400 && isReport(e.details))) throw e;
          if (opts.json) ctx.out(printJson(e.details));
          throw new CliError(
            ExitCode.usage,
            `${e.details.invalid} of ${e.details.total} rows are not valid; nothing was imported.`,
            rowIssues(e.details.errors),
          );
        }
        if (opts.json) ctx.out(printJson(report));
        else ctx.out(summary(report));
        if (report.errors.length === 0) return;
        if (!opts.skipInvalid) {
          throw new CliError(
            ExitCode.usage,
            `${report.invalid} of ${report.total} rows are not valid.`,
            rowIssues(report.errors),
          );
        }
        ctx.note(`${report.dryRun ? "Would skip" : "Skipped"} ${report.invalid} invalid rows:`);
        ctx.printIssues(rowIssues(report.errors));
      }),
    );
}

async function readInput(ctx: CommandContext, file: string): Promise<string> {
  if (file === "-") {
    if (!ctx.io.readStdin) throw usageError("Cannot read standard input here.");
    return ctx.io.readStdin();
  }
  try {
    return await readFile(resolve(ctx.io.cwd, file), "utf8");
  } catch (e) {
    throw usageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function summary(r: AiSystemImportReport): string {
  const head = r.dryRun
    ? "Dry run, nothing was changed. The import would give:"
    : r.applied
      ? "Imported:"
      : "Nothing was imported:";
  return `${head}\n  rows ${r.total}, created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, invalid ${r.invalid}\n`;
}
