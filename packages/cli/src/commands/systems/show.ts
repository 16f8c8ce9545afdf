import type { Command } from "commander";
import type { AiSystemView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkId, systemDetails } from "./present";

export function registerShow(systems: Command, ctx: CommandContext) {
  systems
    .command("show")
    .summary("show one AI system")
    .argument("<id>", "the AI system's id")
    .option("--json", "print the raw JSON (AiSystemView, with version and abilities)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/ai-systems/${checkId(id)}`);
        const system = await session.client.json<AiSystemView>("GET", path);
        ctx.out(opts.json ? printJson(system) : systemDetails(system));
      }),
    );
}
