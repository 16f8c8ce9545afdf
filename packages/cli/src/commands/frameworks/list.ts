import type { Command } from "commander";
import type { FrameworkListView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson, table } from "../../output/format";

export function registerList(frameworks: Command, ctx: CommandContext) {
  frameworks
    .command("list")
    .alias("ls")
    .summary("list the framework catalogues")
    .option("--json", "print the raw JSON ({ items, nextCursor, total })")
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const page = await session.client.json<FrameworkListView>("GET", "/api/v1/frameworks");
        if (opts.json) return ctx.out(printJson(page));
        ctx.out(
          table(page.items, [
            { header: "ID", value: (f) => f.id },
            { header: "NAME", value: (f) => f.name },
            { header: "VERSION", value: (f) => f.version },
            { header: "REQUIREMENTS", value: (f) => String(f.counts.requirement) },
            { header: "CONTROLS", value: (f) => String(f.counts.control) },
          ]),
        );
      }),
    );
}
