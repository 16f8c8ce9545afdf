import { openAsBlob } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import {
  evaluatePolicies,
  MeasurementPolicyRule,
  type MeasurementRunResult,
  type MeasurementRunView,
  type PolicyOutcome,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { cliHeaders } from "../evidence/present";
import { ExitCode } from "../../exit-codes";
import { CliError } from "../../exit-codes";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";

/** Options every `aims measure …` command shares for storing a run and checking thresholds. */
export interface UploadOptions {
  system?: string;
  upload?: boolean;
  model?: string;
  dataset?: string;
  title?: string;
  policyFile?: string;
  sendFile?: boolean;
  keepFile?: boolean;
  json?: boolean;
}

export function addUploadOptions(cmd: Command): Command {
  return cmd
    .option("--system <id>", "the AI system the run measures (with --upload)")
    .option("--upload", "store the run through the API (evidence; the system's policies are checked there)")
    .option("--model <ref>", "with --upload: which model was measured (free text)")
    .option("--dataset <ref>", "with --upload: which dataset was measured (free text)")
    .option("--title <title>", "with --upload: the run's title (default: '<Kind> measurement of <file>')")
    .option(
      "--send-file",
      "with --upload: send the file itself; the server measures it (same reader and numbers) instead of this machine",
    )
    .option(
      "--keep-file",
      "with --send-file: the server also keeps the file as evidence (default: only its SHA-256)",
    )
    .option(
      "--policy-file <file>",
      "check thresholds locally: a JSON/YAML list of rules ({ metric, attribute?, column?, abs?, op, value })",
    );
}

const ownKeys = new Set([
  "system",
  "upload",
  "model",
  "dataset",
  "title",
  "policyFile",
  "sendFile",
  "keepFile",
  "json",
  "profile",
]);

/** The options the run was computed with, kept with the stored run (paths reduced to their names). */
function parametersOf(opts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts)) {
    if (ownKeys.has(k) || v === undefined) continue;
    if (typeof v === "string" && (k === "file" || k === "reference" || k === "current") && v.includes("/"))
      out[k] = v.slice(v.lastIndexOf("/") + 1);
    else out[k] = v;
  }
  return out;
}

export function checkUploadOptions(opts: UploadOptions): void {
  if (opts.upload && !opts.system)
    throw usageError("--upload needs --system ID (the AI system the run measures).");
  if (opts.system && !opts.upload) throw usageError("--system is only used with --upload.");
  if (opts.sendFile && !opts.upload) throw usageError("--send-file is only used with --upload.");
  if (opts.keepFile && !opts.sendFile) throw usageError("--keep-file is only used with --send-file.");
  if (opts.sendFile && opts.policyFile)
    throw usageError(
      "--policy-file checks a result computed here; with --send-file the server checks its policies.",
    );
}

/** A file part of `--send-file`: the field name (file, reference, current) and the path given. */
export type SentFile = [field: string, path: string];

/**
 * `--upload --send-file`: sends the options as the `params` field and the file(s) themselves (streamed from disk)
 * to `…/measurement-runs/upload`; the server measures them and stores the run. Prints the stored run like a
 * posted one (with --json, the run as the API returns it). Exit 1 when a policy failed.
 */
export async function sendFiles(
  ctx: CommandContext,
  opts: UploadOptions,
  params: Record<string, unknown>,
  files: SentFile[],
  args: unknown[],
): Promise<ExitCode | void> {
  const form = new FormData();
  form.append(
    "params",
    JSON.stringify({
      ...params,
      ...(opts.title ? { title: opts.title } : {}),
      ...(opts.model ? { modelRef: opts.model } : {}),
      ...(opts.dataset ? { datasetRef: opts.dataset } : {}),
      ...(opts.keepFile ? { keepFile: true } : {}),
    }),
  );
  for (const [field, path] of files) {
    if (path === "-")
      throw usageError("--send-file sends a file from disk; standard input is measured here.");
    let blob: Blob;
    try {
      blob = await openAsBlob(resolve(ctx.io.cwd, path));
    } catch (e) {
      throw usageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    form.append(field, blob, basename(path));
  }
  const session = await ctx.session(commandOf(args));
  const url = await session.orgPath(
    `/ai-systems/${encodeURIComponent(opts.system!)}/measurement-runs/upload`,
  );
  const run = await session.client.json<MeasurementRunView>("POST", url, {
    body: form,
    headers: cliHeaders,
    timeoutMs: 60 * 60 * 1000,
  });
  if (opts.json) ctx.out(printJson(run));
  const say = (text: string) => (opts.json ? ctx.note(text) : ctx.out(text));
  say(storedText(run, `, measured on the server: ${run.rowsUsed} rows, SHA-256 ${run.sha256}`));
  return run.policyStatus === "fail" ? ExitCode.failure : undefined;
}

async function readPolicyFile(ctx: CommandContext, file: string) {
  let data: unknown;
  try {
    data = parseYaml(await readFile(resolve(ctx.io.cwd, file), "utf8"));
  } catch (e) {
    throw usageError(`--policy-file ${file}: ${(e as Error).message}`);
  }
  const list: unknown =
    data !== null && typeof data === "object" && !Array.isArray(data) && "rules" in data ? data.rules : data;
  if (!Array.isArray(list))
    throw usageError(`--policy-file ${file} must hold a list of rules (or { rules: [...] }).`);
  const issues: { path: string; message: string }[] = [];
  const rules = list.map((item: unknown, i) => {
    // a rule, or a stored policy as the API lists it ({ rule, … })
    const raw = item !== null && typeof item === "object" && "rule" in item ? item.rule : item;
    const parsed = MeasurementPolicyRule.safeParse(raw);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        issues.push({ path: [i, ...issue.path].join("."), message: issue.message });
    return { rule: parsed.data! };
  });
  if (issues.length > 0)
    throw new CliError(ExitCode.usage, `--policy-file ${file} has rules that are not valid.`, issues);
  return rules;
}

/** "Stored run … (evidence …, task …)." and the policy outcome. */
const storedText = (run: MeasurementRunView, how = "") =>
  `Stored run ${run.id} (evidence ${run.evidenceId}${run.taskId ? `, task ${run.taskId}` : ""})${how}.\n` +
  outcomeText(run.policyOutcome as PolicyOutcome);

export function outcomeText(outcome: PolicyOutcome): string {
  const lines = [`policy: ${outcome.status}${outcome.failed ? ` (${outcome.failed} rule(s) failed)` : ""}`];
  for (const r of outcome.rules) {
    lines.push(`  ${r.status.padEnd(14)} ${r.label}`);
    for (const f of r.failures) lines.push(`                 ${f}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * After a measurement: checks `--policy-file` locally and/or stores the run with `--upload`. The report already
 * printed stays on stdout; what this adds goes to stdout in text mode and to stderr with --json (so stdout stays
 * the result). Exit 1 when a policy failed, locally or on the server.
 */
export async function finishRun(
  ctx: CommandContext,
  opts: UploadOptions & Record<string, unknown>,
  payload: Record<string, unknown> & { kind: string },
  args: unknown[],
): Promise<ExitCode | void> {
  const say = (text: string) => (opts.json ? ctx.note(text) : ctx.out(text));
  let failed = false;
  if (opts.policyFile) {
    const rules = await readPolicyFile(ctx, opts.policyFile);
    const { input: _input, reference: _ref, current: _cur, ...result } = payload;
    const outcome = evaluatePolicies(result as unknown as MeasurementRunResult, rules);
    say(`\nLocal ${outcomeText(outcome)}`);
    failed ||= outcome.status === "fail";
  }
  if (opts.upload && opts.system) {
    const session = await ctx.session(commandOf(args));
    const path = await session.orgPath(`/ai-systems/${encodeURIComponent(opts.system)}/measurement-runs`);
    const body = {
      result: payload,
      parameters: parametersOf(opts),
      ...(opts.model ? { modelRef: opts.model } : {}),
      ...(opts.dataset ? { datasetRef: opts.dataset } : {}),
      ...(opts.title ? { title: opts.title } : {}),
    };
    const run = await session.client.json<MeasurementRunView>("POST", path, {
      json: body,
      headers: cliHeaders,
    });
    say(`\n${storedText(run)}`);
    failed ||= run.policyStatus === "fail";
  }
  return failed ? ExitCode.failure : undefined;
}
