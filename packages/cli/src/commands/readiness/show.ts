import type { Command } from "commander";
import type { ReadinessView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";
import { printJson } from "../../output/format";
import { groupTable, missingList, nodeTable, readinessHeadline } from "./present";

interface ReadinessOptions {
  clause?: string;
  missing?: boolean;
  json?: boolean;
}

export function registerReadiness(program: Command, ctx: CommandContext) {
  program
    .command("readiness")
    .summary("ISO/IEC 42001 readiness: what is ready for a certification audit and what is missing")
    .description(
      "Computes readiness from the organization's live records: a status per clause requirement and Annex A " +
        "control, with what is missing and percentages per clause and Annex A group (docs/readiness.md).",
    )
    .option("--clause <id>", "only the nodes of one clause (4–10) or Annex A group (A.2–A.10)")
    .option("--missing", "list only what is missing, one gap per line (nodes that are not ready)")
    .option("--json", "print the raw JSON (nodes narrowed by --clause and --missing)")
    .addHelpText(
      "after",
      "\nExamples:\n  aims readiness\n  aims readiness --clause 6\n  aims readiness --clause A.6 --missing\n" +
        "  aims readiness --json | jq '.clauses[] | {id, percent}'",
    )
    .action(
      ctx.action(async (opts: ReadinessOptions, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const group = opts.clause?.trim().replace(/^a\./, "A.");
        const query = group ? `?group=${encodeURIComponent(group)}` : "";
        const view = await session.client.json<ReadinessView>(
          "GET",
          await session.orgPath(`/readiness${query}`),
        );
        const groups = [...view.clauses, ...view.annexGroups];
        if (group && !groups.some((g) => g.id === group))
          throw new CliError(
            ExitCode.notFound,
            `No clause or Annex A group ${opts.clause} (clauses ${view.clauses.map((c) => c.id).join(", ")}; ` +
              `Annex A groups ${view.annexGroups.map((g) => g.id).join(", ")}).`,
          );
        const nodes = opts.missing
          ? view.nodes.filter((n) => n.status === "partial" || n.status === "missing")
          : view.nodes;
        if (opts.json) return ctx.out(printJson({ ...view, nodes }));
        if (opts.missing) {
          if (nodes.length === 0) return ctx.out("Nothing missing.\n");
          return ctx.out(missingList(nodes));
        }
        const shownGroups = group ? groups.filter((g) => g.id === group) : groups;
        ctx.out(`${readinessHeadline(view)}\n${groupTable(shownGroups)}\n${nodeTable(nodes)}`);
        ctx.note("Every gap: aims readiness --missing. Explanations: aims readiness --json.");
      }),
    );
}
