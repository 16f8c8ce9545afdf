import type { Command } from "commander";
import type { EvidenceDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkEvidenceId } from "./present";

/** `archive`, `restore` and `delete`: the current version is read first, so scripts need not pass one. */
export function registerArchiveAndDelete(evidence: Command, ctx: CommandContext) {
  for (const verb of ["archive", "restore"] as const) {
    evidence
      .command(verb)
      .summary(
        verb === "archive"
          ? "archive an evidence item (kept, hidden from lists)"
          : "restore an archived item",
      )
      .argument("<id>", "the evidence item's id")
      .option("--json", "print the item as JSON")
      .action(
        ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath(`/evidence/${checkEvidenceId(id)}`);
          const { version } = await session.client.json<EvidenceDetailView>("GET", path);
          const item = await session.client.json<EvidenceDetailView>("POST", `${path}/${verb}`, {
            json: { version },
          });
          if (opts.json) return ctx.out(printJson(item));
          ctx.out(`${verb === "archive" ? "Archived" : "Restored"} evidence ${item.id} (${item.title}).\n`);
        }),
      );
  }
  evidence
    .command("delete")
    .summary("delete an evidence item (refused while an approved SoA version references it)")
    .argument("<id>", "the evidence item's id")
    .action(
      ctx.action(async (id: string, _opts: unknown, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        await session.client.json("DELETE", await session.orgPath(`/evidence/${checkEvidenceId(id)}`));
        ctx.out(`Deleted evidence ${id}.\n`);
      }),
    );
}
