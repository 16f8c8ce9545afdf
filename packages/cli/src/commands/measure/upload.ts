import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
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

/** Options every `aims measure …` command shares for storing a run and checking thresholds. */
export interface UploadOptions {
  system?: string;
  upload?: boolean;
  model?: string;
  dataset?: string;
  title?: string;
  policyFile?: string;
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
      "--policy-file <file>",
      "check thresholds locally: a JSON/YAML list of rules ({ metric, attribute?, column?, abs?, op, value })",
    );
}

const ownKeys = new Set(["system", "upload", "model", "dataset", "title", "policyFile", "json", "profile"]);

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
    say(
      `\nStored run ${run.id} (evidence ${run.evidenceId}${run.taskId ? `, task ${run.taskId}` : ""}).\n` +
        outcomeText(run.policyOutcome as PolicyOutcome),
    );
    failed ||= run.policyStatus === "fail";
  }
  return failed ? ExitCode.failure : undefined;
}
