import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import {
  CreateTrainingRecordInput,
  type FieldIssue,
  type TrainingImportReport,
  type TrainingTopicView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { ApiError, ExitCode, usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { flagIssues } from "./register";

/** The columns an LMS export may use for each field (case-insensitive). */
const columnAliases: Record<string, string[]> = {
  email: ["email", "user_email", "member", "learner_email"],
  topic: ["topic", "topic_id", "course", "course_name"],
  completedOn: ["completed_on", "completed", "completion_date", "completed_at"],
  expiresOn: ["expires_on", "expires", "expiry_date", "valid_until"],
  provider: ["provider"],
  method: ["method"],
  note: ["note", "notes"],
};
const columnOf = Object.fromEntries(
  Object.entries(columnAliases).flatMap(([field, names]) => names.map((n) => [n, field])),
);

interface Row {
  line: number;
  input: Record<string, unknown>;
}

/** Reads the CSV into candidate inputs; a date-time in a date column keeps its day (LMS exports often have one). */
function readRows(
  text: string,
  topicIdOf: (ref: string) => string | null,
): { rows: Row[]; errors: TrainingImportReport["errors"] } {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const [head, ...body] = records;
  const header = (head ?? []).map((h) => columnOf[h.trim().toLowerCase()] ?? null);
  const missing = ["email", "topic", "completedOn"].filter((f) => !header.includes(f));
  if (!head || missing.length > 0)
    throw usageError(
      "The first line must name the columns: email, topic (id or name) and completed_on at least.",
      missing.map((f) => ({ path: "(header)", message: `has no ${columnAliases[f]![0]} column` })),
    );
  const rows: Row[] = [];
  const errors: TrainingImportReport["errors"] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const values: Record<string, string> = {};
    header.forEach((field, c) => {
      const v = (cells[c] ?? "").trim();
      if (field && v !== "") values[field] = v;
    });
    const topicId = values.topic ? topicIdOf(values.topic) : null;
    const input: Record<string, unknown> = {
      email: values.email,
      topicId: topicId ?? values.topic,
      completedOn: values.completedOn?.slice(0, 10),
      ...(values.expiresOn && { expiresOn: values.expiresOn.slice(0, 10) }),
      ...(values.provider && { provider: values.provider }),
      ...(values.method && { method: values.method }),
      ...(values.note && { note: values.note }),
    };
    const issues: FieldIssue[] = [];
    if (values.topic && !topicId)
      issues.push({ path: "topic", message: `no live training topic "${values.topic}"` });
    const parsed = CreateTrainingRecordInput.safeParse(input);
    if (!parsed.success)
      issues.push(
        ...flagIssues(parsed.error, {
          topicId: "topic",
          completedOn: "completed_on",
          expiresOn: "expires_on",
        }).map((x) => ({ ...x, path: x.path.replace(/^--/, "") })),
      );
    if (issues.length > 0) errors.push({ line, issues });
    else rows.push({ line, input });
  });
  return { rows, errors };
}

export function registerTrainingImport(training: Command, ctx: CommandContext) {
  training
    .command("import")
    .summary("import completions from an LMS export (CSV)")
    .description(
      "Columns (header line, case-insensitive): email, topic (id or exact name), completed_on; optional " +
        "expires_on, provider, method, note. Rows already recorded (same member, topic and day) count as " +
        "unchanged, so a pipeline can re-import the whole export. Rows are sent one by one; invalid rows are " +
        "listed with their line and the exit code is 2.",
    )
    .requiredOption("--file <path>", "the CSV file")
    .option("--dry-run", "check the file against the catalogue without recording anything")
    .option("--json", "print the report as JSON")
    .action(
      ctx.action(async (opts: { file: string; dryRun?: boolean; json?: boolean }, ...rest: unknown[]) => {
        const text = await readFile(resolve(ctx.io.cwd, opts.file), "utf8").catch(() => {
          throw usageError(`Cannot read ${opts.file}.`);
        });
        const session = await ctx.session(commandOf(rest));
        const topics = await fetchPages<TrainingTopicView>(
          session,
          "/training/topics",
          { limit: "200" },
          true,
        );
        const byName = new Map(topics.items.map((t) => [t.name.toLowerCase(), t.id]));
        const ids = new Set(topics.items.map((t) => t.id));
        const { rows, errors } = readRows(text, (ref) =>
          ids.has(ref) ? ref : (byName.get(ref.toLowerCase()) ?? null),
        );
        const report: TrainingImportReport = {
          dryRun: !!opts.dryRun,
          applied: false,
          total: rows.length + errors.length,
          created: 0,
          unchanged: 0,
          invalid: 0,
          errors,
        };
        if (!opts.dryRun) {
          const path = await session.orgPath("/training/records");
          for (const row of rows) {
            try {
              await session.client.json("POST", path, { json: row.input });
              report.created++;
            } catch (e) {
              if (e instanceof ApiError && e.code === "conflict") report.unchanged++;
              else if (e instanceof ApiError && e.status < 500)
                errors.push({
                  line: row.line,
                  issues: e.issues.length > 0 ? e.issues : [{ path: "(row)", message: e.message }],
                });
              else throw e;
            }
          }
          report.applied = true;
        }
        report.errors.sort((a, b) => a.line - b.line);
        report.invalid = report.errors.length;
        if (opts.json) ctx.out(printJson(report));
        else {
          ctx.out(
            opts.dryRun
              ? `${report.total} rows: ${rows.length} valid, ${report.invalid} invalid (dry run: nothing recorded).\n`
              : `${report.total} rows: ${report.created} recorded, ${report.unchanged} already recorded, ` +
                  `${report.invalid} invalid.\n`,
          );
          for (const e of report.errors)
            for (const i of e.issues) ctx.note(`line ${e.line}: ${i.path}: ${i.message}`);
        }
        return report.invalid > 0 ? ExitCode.usage : ExitCode.ok;
      }),
    );
}
