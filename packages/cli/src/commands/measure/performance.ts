import type { Command } from "commander";
import type { PerformanceResult } from "@openaims/core";
import { createPerformanceByGroup, type GroupPerformance } from "@openaims/app";
import type { CommandContext } from "../../command-context";
import { keyValues, printJson, table } from "../../output/format";
import {
  addInputOptions,
  checkedSpec,
  classificationParams,
  noteInput,
  readInput,
  type InputOptions,
  type InputSummary,
} from "./input-options";
import { inputText, rate } from "./present";
import { addUploadOptions, checkUploadOptions, finishRun, sendFiles, type UploadOptions } from "./upload";

export type { GroupPerformance };

export function registerMeasurePerformance(measure: Command, ctx: CommandContext) {
  const cmd = measure
    .command("performance")
    .summary(
      "performance of a binary classifier (accuracy, precision, recall, F1, ROC AUC, log loss, Brier, ECE)",
    )
    .description(
      "Streams the file once and computes the confusion counts and performance metrics; with a score column\n" +
        "also ROC AUC, log loss, Brier score and calibration error. With --group, the same per group value.\n" +
        "Same input options and rules as 'aims measure fairness' (docs/measurement.md#input).",
    );
  addInputOptions(cmd, { groupsRequired: false })
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims measure performance --file scores.csv --label y --score p --threshold 0.5\n" +
        "  aims measure performance --file compas_for_aequitas.csv --label label_value --prediction score --group race --json",
    )
    .action(
      ctx.action(async (opts: InputOptions & UploadOptions, ...rest: unknown[]) => {
        checkedSpec(opts, false);
        checkUploadOptions(opts);
        if (opts.sendFile) {
          const params = { kind: "performance", ...classificationParams(opts, false) };
          return sendFiles(ctx, opts, params, [["file", opts.file]], rest);
        }
        const acc = createPerformanceByGroup(opts.group);
        const input = await readInput(ctx, opts, (r) => acc.add(r), { requireGroups: false });
        const { overall: result, groups } = acc.result();
        noteInput(ctx, input);
        const payload = { ...result, groups, input };
        ctx.out(opts.json ? printJson(payload) : performanceText(result, groups, input));
        return finishRun(ctx, opts as InputOptions & UploadOptions & Record<string, unknown>, payload, rest);
      }),
    );
  addUploadOptions(cmd);
}

const withReason = (m: { value: number | null; reason: string | null }) =>
  m.value === null ? `- (${m.reason ?? "undefined"})` : rate(m.value);

export function performanceText(
  r: PerformanceResult,
  groups: GroupPerformance[],
  input: InputSummary,
): string {
  const out = [inputText(input), "\n"];
  out.push(
    keyValues([
      ["n", `${r.n} (tp ${r.tp}, fp ${r.fp}, tn ${r.tn}, fn ${r.fn})`],
      ["accuracy", rate(r.accuracy)],
      ["precision", rate(r.precision)],
      ["recall", rate(r.recall)],
      ["specificity", rate(r.specificity)],
      ["balanced accuracy", rate(r.balancedAccuracy)],
      ["F1", rate(r.f1)],
      [
        "ROC AUC",
        r.rocAuc.value === null
          ? `- (${r.rocAuc.reason ?? "undefined"})`
          : `${rate(r.rocAuc.value)} (${r.rocAuc.method}${r.rocAuc.maxError ? `, ± ${r.rocAuc.maxError.toFixed(4)}` : ""})`,
      ],
      ["log loss", withReason(r.logLoss)],
      ["Brier score", withReason(r.brier)],
      ["ECE", withReason(r.ece)],
    ]),
  );
  for (const attribute of [...new Set(groups.map((g) => g.attribute))]) {
    out.push(`\n${attribute}\n`);
    out.push(
      table(
        groups.filter((g) => g.attribute === attribute),
        [
          { header: "group", value: (g) => g.value, max: 40 },
          { header: "n", value: (g) => String(g.n) },
          { header: "accuracy", value: (g) => rate(g.accuracy) },
          { header: "precision", value: (g) => rate(g.precision) },
          { header: "recall", value: (g) => rate(g.recall) },
          { header: "F1", value: (g) => rate(g.f1) },
          { header: "ROC AUC", value: (g) => rate(g.rocAuc.value) },
          { header: "Brier", value: (g) => rate(g.brier.value) },
        ],
      ),
    );
  }
  return out.join("");
}
