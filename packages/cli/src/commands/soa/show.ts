import type { Command } from "commander";
import type { SoaVersionView, SoaView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { soaTable, summaryLine } from "./present";

export function registerShow(soa: Command, ctx: CommandContext) {
  soa
    .command("show")
    .summary("show the Statement of Applicability")
    .description("The SoA as it stands (or a frozen version with --version): one row per control.")
    .option("--version <n>", "show this frozen version instead of the working state")
    .option("--json", "print the raw JSON (SoaView, or SoaVersionView with --version)")
    .action(
      ctx.action(async (opts: { version?: string; json?: boolean }, ...rest: unknown[]) => {
        const number = opts.version !== undefined ? parseVersion(opts.version) : undefined;
        const session = await ctx.session(commandOf(rest));
        if (number !== undefined) {
          const v = await session.client.json<SoaVersionView>(
            "GET",
            await session.orgPath(`/soa/versions/${number}`),
          );
          if (opts.json) return ctx.out(printJson(v));
          ctx.out(soaTable(v.entries));
          ctx.note(`Version ${v.number} (${v.status.replace("_", " ")}). ${summaryLine(v.summary)}`);
          return;
        }
        const s = await session.client.json<SoaView>("GET", await session.orgPath("/soa"));
        if (opts.json) return ctx.out(printJson(s));
        ctx.out(soaTable(s.entries));
        const approved = s.approvedVersion
          ? `approved version: ${s.approvedVersion.number}`
          : "no approved version";
        ctx.note(`Working state (${approved}). ${summaryLine(s.summary)}`);
      }),
    );
}
