import type { Command } from "commander";
import { createFairnessAccumulator, type FairnessOptions } from "@openaims/core";
import type { CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import {
  addInputOptions,
  checkedSpec,
  classificationParams,
  noteInput,
  readInput,
  type InputOptions,
} from "./input-options";
import { fairnessText } from "./present";
import { addUploadOptions, checkUploadOptions, finishRun, sendFiles, type UploadOptions } from "./upload";

interface FairnessCliOptions extends InputOptions, UploadOptions {
  reference: string[];
  intersectional?: boolean;
  minGroupSize?: string;
  tau?: string;
  bootstrap?: string;
  seed?: string;
}

const repeat = (value: string, previous: string[] = []) => [...previous, value];

const intOption = (name: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw usageError(`${name} must be a whole number ≥ ${min}, not "${value}".`);
  return n;
};

/** `--reference VALUE` applies to the first --group; `--reference attr=VALUE` to that attribute. */
export function referenceOption(
  values: readonly string[],
  groups: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const attr = groups.find((g) => v.startsWith(`${g}=`));
    const [key, value] = attr ? [attr, v.slice(attr.length + 1)] : [groups[0]!, v];
    if (key in out) throw usageError(`--reference is given twice for ${key}.`);
    out[key] = value;
  }
  return out;
}

export function registerMeasureFairness(measure: Command, ctx: CommandContext) {
  const cmd = measure
    .command("fairness")
    .summary("group fairness of a classifier's predictions, from a CSV or JSON Lines file (no server needed)")
    .description(
      "Streams the file once (never loads it whole) and computes per-group counts and rates, between-group\n" +
        "metrics with their conventions, Aequitas-style disparities and parity verdicts (docs/measurement.md).\n" +
        "Rows with a missing label or prediction are left out and counted; a missing group value counts under\n" +
        "__missing__. Invalid rows (wrong number of fields, values outside the mapping) fail the run (exit 2)\n" +
        "unless --skip-invalid.",
    );
  addInputOptions(cmd, { groupsRequired: true })
    .option(
      "--reference <value>",
      "reference group: VALUE for the first --group, or ATTRIBUTE=VALUE (repeatable; default: the largest group)",
      repeat,
      [],
    )
    .option("--intersectional", "also measure the intersection of all --group columns")
    .option("--min-group-size <n>", "smaller groups are shown but left out of aggregates and verdicts", "30")
    .option("--tau <number>", "fairness band τ ≤ disparity ≤ 1/τ", "0.8")
    .option("--bootstrap <n>", "bootstrap replicates for confidence intervals (0 = none)", "0")
    .option("--seed <n>", "bootstrap seed", "1")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims measure fairness --file compas_for_aequitas.csv --label label_value --prediction score \\\n" +
        "    --positive 1.0 --group race --group sex --reference race=Caucasian --reference sex=Male\n" +
        "  aims measure fairness --file scores.jsonl --label y --score p --threshold 0.5 --group region --json",
    )
    .action(
      ctx.action(async (opts: FairnessCliOptions, ...rest: unknown[]) => {
        checkedSpec(opts);
        checkUploadOptions(opts);
        const minGroupSize = intOption("--min-group-size", opts.minGroupSize, 0);
        const samples = intOption("--bootstrap", opts.bootstrap, 0) ?? 0;
        const seed = intOption("--seed", opts.seed, 0) ?? 1;
        const tau = opts.tau === undefined ? undefined : Number(opts.tau);
        if (tau !== undefined && !(tau > 0 && tau <= 1)) {
          throw usageError(`--tau must be a number in (0, 1], not "${opts.tau}".`);
        }
        const reference = referenceOption(opts.reference, opts.group);
        const options: FairnessOptions = {
          attributes: opts.group,
          reference,
          intersectional: !!opts.intersectional,
          minGroupSize,
          tau,
          bootstrap: samples > 0 ? { samples, seed } : null,
        };
        if (opts.sendFile) {
          const params = {
            kind: "fairness",
            ...classificationParams(opts),
            reference,
            intersectional: options.intersectional,
            minGroupSize,
            tau,
            bootstrap: samples,
            seed,
          };
          return sendFiles(ctx, opts, params, [["file", opts.file]], rest);
        }
        const acc = createFairnessAccumulator(options);
        const input = await readInput(ctx, opts, (r) => acc.add(r));
        const result = acc.result();
        for (const [attribute, value] of Object.entries(reference)) {
          const values = result.groups.filter((g) => g.attribute === attribute).map((g) => g.value);
          if (!values.includes(value)) {
            throw usageError(
              `--reference ${attribute}=${value}: no row has this value. Values of ${attribute}: ${values.join(", ")}.`,
            );
          }
        }
        noteInput(ctx, input);
        const payload = { ...result, input };
        ctx.out(opts.json ? printJson(payload) : fairnessText(result, input));
        return finishRun(ctx, opts as FairnessCliOptions & Record<string, unknown>, payload, rest);
      }),
    );
  addUploadOptions(cmd);
}
