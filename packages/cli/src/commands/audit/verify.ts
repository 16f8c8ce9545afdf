import type { Command } from "commander";
import type { VerifyResult } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { ExitCode } from "../../exit-codes";
import { printJson } from "../../output/format";

export function registerVerify(audit: Command, ctx: CommandContext) {
  audit
    .command("verify")
    .summary("check the organization's hash-chained audit trail (exit 1 when broken)")
    .description(
      "Recomputes the hash chain of the organization's audit events on the server. Exits 0 when it is intact\n" +
        "and 1 when it is not, naming the first broken sequence number, so it can run in a scheduled job.",
    )
    .option(
      "--json",
      "print the raw JSON result ({ ok, checked, firstBrokenSeq, reason, headSeq, headHash })",
    )
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const result = await session.client.json<VerifyResult>(
          "GET",
          await session.orgPath("/audit-events/verify"),
        );
        if (opts.json) ctx.out(printJson(result));
        if (result.ok) {
          if (!opts.json) {
            ctx.out(
              `Audit trail intact: ${result.checked} events checked; head #${result.headSeq} ${result.headHash}.\n`,
            );
          }
          return ExitCode.ok;
        }
        ctx.io.stderr(
          `error: the audit trail is broken at event #${result.firstBrokenSeq ?? "?"}: ${result.reason ?? "no reason given"} ` +
            `(${result.checked} events checked).\n`,
        );
        return ExitCode.failure;
      }),
    );
}
