import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { parseVersion } from "../systems/version";

export function registerExport(soa: Command, ctx: CommandContext) {
  soa
    .command("export")
    .summary("write the SoA as CSV or XLSX")
    .description(
      "The working state, or a frozen version with --version; CSV to stdout or a file, XLSX to a file.",
    )
    .addOption(new Option("--format <format>", "csv or xlsx").choices(["csv", "xlsx"]).default("csv"))
    .option("--version <n>", "export this frozen version")
    .option("--out <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  aims soa export --version 3 --format xlsx --out soa-v3.xlsx\n  aims soa export > soa.csv",
    )
    .action(
      ctx.action(
        async (opts: { format: "csv" | "xlsx"; version?: string; out?: string }, ...rest: unknown[]) => {
          if (opts.format === "xlsx" && !opts.out)
            throw usageError("An XLSX file is binary: name the file with --out.");
          const query: Record<string, string> = { format: opts.format };
          if (opts.version !== undefined) query.version = String(parseVersion(opts.version));
          const session = await ctx.session(commandOf(rest));
          const res = await session.client.response("GET", await session.orgPath("/soa/export"), { query });
          const body = Buffer.from(await res.arrayBuffer());
          if (!opts.out) return ctx.out(body.toString("utf8"));
          await writeFile(resolve(ctx.io.cwd, opts.out), body);
          ctx.note(`Wrote ${opts.out}.`);
        },
      ),
    );
}
