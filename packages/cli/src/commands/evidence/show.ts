import type { Command } from "commander";
import type { EvidenceDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkEvidenceId, evidenceDetails } from "./present";

export function registerShow(evidence: Command, ctx: CommandContext) {
  evidence
    .command("show")
    .summary("show one evidence item with its links")
    .argument("<id>", "the evidence item's id")
    .option("--json", "print the raw JSON (with version, links, abilities)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/evidence/${checkEvidenceId(id)}`);
        const item = await session.client.json<EvidenceDetailView>("GET", path);
        ctx.out(opts.json ? printJson(item) : evidenceDetails(item));
      }),
    );
}
