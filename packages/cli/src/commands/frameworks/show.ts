import type { Command } from "commander";
import type { FrameworkDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";
import { printJson } from "../../output/format";
import { findNode, frameworkOutline, nodeDetails } from "./present";

export function registerShow(frameworks: Command, ctx: CommandContext) {
  frameworks
    .command("show")
    .summary("show a framework's outline, or one node with its guidance")
    .argument("<id>", "the framework's id (see 'aims frameworks list'), e.g. iso-iec-42001-2023")
    .option(
      "--node <nodeId>",
      "show one node (e.g. A.6.2.4 or 6.1.2; Annex B numbers such as B.6.2.4 work too)",
    )
    .option("--json", "print the raw JSON (the framework with its node tree, or the one node)")
    .addHelpText(
      "after",
      "\nExamples:\n  aims frameworks show iso-iec-42001-2023\n  aims frameworks show iso-iec-42001-2023 --node A.6.2.4",
    )
    .action(
      ctx.action(async (id: string, opts: { node?: string; json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const framework = await session.client.json<FrameworkDetailView>(
          "GET",
          `/api/v1/frameworks/${encodeURIComponent(id)}`,
        );
        if (opts.node === undefined) {
          return ctx.out(opts.json ? printJson(framework) : frameworkOutline(framework));
        }
        const node = findNode(framework.nodes, opts.node.trim());
        if (!node)
          throw new CliError(
            ExitCode.notFound,
            `${framework.name}:${framework.version} has no node ${opts.node}.`,
          );
        ctx.out(opts.json ? printJson(node) : nodeDetails(node));
      }),
    );
}
