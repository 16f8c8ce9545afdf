import type { Command } from "commander";
import type { ObjectiveView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkObjectiveId, objectiveDetails } from "./present";

export function registerObjectiveShow(objectives: Command, ctx: CommandContext) {
  objectives
    .command("show")
    .summary("show one AI objective: target, status, links and the latest progress")
    .argument("<id>", "the objective's id")
    .option("--json", "print the raw JSON (ObjectiveView, with the progress series, links and abilities)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/objectives/${checkObjectiveId(id)}`);
        const objective = await session.client.json<ObjectiveView>("GET", path);
        ctx.out(opts.json ? printJson(objective) : objectiveDetails(objective));
      }),
    );
}
