import type { Command } from "commander";
import { raciPartyKey, type RaciMatrixView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { ExitCode } from "../../exit-codes";
import { printJson, table } from "../../output/format";

export function registerShow(raci: Command, ctx: CommandContext) {
  raci
    .command("show")
    .summary("show the RACI matrix and its rule check")
    .option("--json", "print the raw JSON (RaciMatrixView)")
    .option("--check", "exit 1 unless every activity has exactly one A")
    .action(
      ctx.action(async (opts: { json?: boolean; check?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const m = await session.client.json<RaciMatrixView>("GET", await session.orgPath("/raci"));
        if (opts.json) ctx.out(printJson(m));
        else {
          ctx.out(
            table(m.activities, [
              { header: "ACTIVITY", value: (a) => a.title, max: 50 },
              ...m.columns.map((c) => ({
                header: c.label.toUpperCase(),
                value: (a: RaciMatrixView["activities"][number]) =>
                  a.assignments.find((x) => raciPartyKey(x) === raciPartyKey(c))?.letter ?? "",
              })),
            ]),
          );
          for (const i of m.issues) ctx.note(`${i.severity}: ${i.message}`);
          ctx.note(m.complete ? "Complete: every activity has exactly one A." : "Not complete.");
        }
        if (opts.check && !m.complete) return ExitCode.failure;
      }),
    );
}
