import type { Command } from "commander";
import { scopeStatusLabels, type ScopeVersionView, type ScopeView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { keyValues, printJson, shortTime } from "../../output/format";

function versionDetails(v: ScopeVersionView): string {
  return keyValues([
    ["Version", `${v.number} (${scopeStatusLabels[v.status]})`],
    ["Statement", v.statement],
    ["Inclusions", v.inclusions.map((i) => `- ${i}`).join("\n")],
    ["Exclusions", v.exclusions.map((e) => `- ${e.item}: ${e.justification}`).join("\n")],
    ["Boundaries", v.boundaries],
    ["Author", v.authorName ?? ""],
    ["Approved", v.approvedAt ? `${shortTime(v.approvedAt)} by ${v.approvedByName ?? v.approvedBy}` : ""],
  ]);
}

export function registerShow(scope: Command, ctx: CommandContext) {
  scope
    .command("show")
    .summary("show the AIMS scope in force (and the open draft)")
    .option("--draft", "show the open draft or version in review instead of the approved scope")
    .option("--json", "print the raw JSON ({ approved, draft, abilities })")
    .addHelpText("after", "\nExamples:\n  aims scope show\n  aims scope show --json | jq .approved.statement")
    .action(
      ctx.action(async (opts: { draft?: boolean; json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const scope = await session.client.json<ScopeView>("GET", await session.orgPath("/scope"));
        if (opts.json) return ctx.out(printJson(scope));
        const v = opts.draft ? scope.draft : scope.approved;
        if (!v) {
          ctx.out(opts.draft ? "No open scope draft.\n" : "No approved scope yet.\n");
          if (!opts.draft && scope.draft)
            ctx.note(
              `Version ${scope.draft.number} is ${scopeStatusLabels[scope.draft.status].toLowerCase()}; see --draft.`,
            );
          return;
        }
        ctx.out(versionDetails(v));
      }),
    );
}
