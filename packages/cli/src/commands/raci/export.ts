import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";

export function registerExport(raci: Command, ctx: CommandContext) {
  raci
    .command("export")
    .summary("write the RACI matrix as CSV or XLSX")
    .description(
      "Writes the RACI matrix (activities × members and roles, one letter per cell, and the rule check) to a\n" +
        "file, or CSV to stdout. XLSX needs --out.",
    )
    .addOption(new Option("--format <format>", "csv or xlsx").choices(["csv", "xlsx"]).default("csv"))
    .option("--out <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  aims raci export --format xlsx --out raci.xlsx\n  aims raci export > raci.csv",
    )
    .action(
      ctx.action(async (opts: { format: "csv" | "xlsx"; out?: string }, ...rest: unknown[]) => {
        if (opts.format === "xlsx" && !opts.out)
          throw new CliError(ExitCode.usage, "An XLSX file is binary: name the file with --out.");
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath("/raci/export");
        const res = await session.client.response("GET", path, { query: { format: opts.format } });
        const body = Buffer.from(await res.arrayBuffer());
        if (!opts.out) return ctx.out(body.toString("utf8"));
        await writeFile(resolve(ctx.io.cwd, opts.out), body);
        ctx.note(`Wrote ${opts.out}.`);
      }),
    );
}
