import type { Command } from "commander";
import {
  AddObjectiveProgressInput,
  describeIssues,
  objectiveProgressSources,
  objectiveStatusLabels,
  type ObjectiveProgressRecorded,
  type ObjectiveProgressView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson, table } from "../../output/format";
import { checkObjectiveId, progressColumns } from "./present";

const flagOf: Record<string, string> = {
  value: "--value",
  observedAt: "--date",
  note: "--note",
  source: "--source",
};

interface AddOptions {
  value: string;
  date?: string;
  note?: string;
  source?: string;
  json?: boolean;
}

export function registerObjectiveProgress(objectives: Command, ctx: CommandContext) {
  const progress = objectives
    .command("progress")
    .summary("record and list progress entries of an objective")
    .description("Progress entries: measured values over time. Pipelines push them with 'add'.");

  progress
    .command("add")
    .summary("record a measured value")
    .argument("<id>", "the objective's id")
    .requiredOption("--value <number>", "the measured value, in the objective's unit")
    .option("--date <date>", "when it was observed: YYYY-MM-DD or an ISO date-time (default: now)")
    .option("--note <text>", "a short note (where the figure comes from)")
    .option("--source <source>", `${objectiveProgressSources.join(", ")} (default: cli)`)
    .option("--json", "print the entry and the objective's new state as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  aims objectives progress add 3f2c… --value 0.93 --note "nightly eval run 812"\n' +
        "  aims objectives progress add 3f2c… --value 4 --date 2026-03-31 --source measurement",
    )
    .action(
      ctx.action(async (id: string, opts: AddOptions, ...rest: unknown[]) => {
        checkObjectiveId(id);
        const value = opts.value.trim() === "" ? Number.NaN : Number(opts.value);
        if (!Number.isFinite(value)) throw usageError(`--value: '${opts.value}' is not a number.`);
        const candidate = {
          value,
          ...(opts.date !== undefined ? { observedAt: opts.date } : {}),
          ...(opts.note !== undefined ? { note: opts.note } : {}),
          source: opts.source ?? "cli",
        };
        const parsed = AddObjectiveProgressInput.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid progress entry.",
            describeIssues(parsed.error).map((i) => ({ path: flagOf[i.path] ?? i.path, message: i.message })),
          );
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/objectives/${id}/progress`);
        const recorded = await session.client.json<ObjectiveProgressRecorded>("POST", path, {
          json: candidate,
        });
        if (opts.json) return ctx.out(printJson(recorded));
        const o = recorded.objective;
        ctx.out(
          `Recorded ${recorded.progress.value} for "${o.title}" at ${recorded.progress.observedAt}; ` +
            `status: ${objectiveStatusLabels[o.status]} (${o.status}).\n`,
        );
      }),
    );

  progress
    .command("list")
    .alias("ls")
    .summary("list progress entries, newest first")
    .argument("<id>", "the objective's id")
    .option("--limit <n>", "page size, 1–200 (default 50)")
    .option("--all", "follow cursors and print every entry")
    .option("--json", "print the raw JSON page")
    .action(
      ctx.action(
        async (id: string, opts: { limit?: string; all?: boolean; json?: boolean }, ...rest: unknown[]) => {
          checkObjectiveId(id);
          const session = await ctx.session(commandOf(rest));
          const limit = opts.limit ?? (opts.all ? "200" : undefined);
          const page = await fetchPages<ObjectiveProgressView>(
            session,
            `/objectives/${id}/progress`,
            limit ? { limit } : {},
            !!opts.all,
          );
          if (opts.json) return ctx.out(printJson(page));
          if (page.items.length === 0) return ctx.out("No progress recorded yet.\n");
          ctx.out(table(page.items, progressColumns));
          if (page.nextCursor) ctx.note(`More: add --all.`);
        },
      ),
    );
}
