import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { AiSystemExportQuery } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { addFilterOptions, filterCandidate, validateFilter, sortHelp, type FilterOptions } from "./filters";

interface ExportOptions extends FilterOptions {
  sort?: string;
  out?: string;
}

export function registerExport(systems: Command, ctx: CommandContext) {
  addFilterOptions(
    systems
      .command("export")
      .summary("write the AI system register as CSV")
      .description(
        "Writes every matching AI system as CSV (the format 'aims systems import' reads) to stdout or a file.\n" +
          "Cells that a spreadsheet would run as a formula are prefixed with ' (import removes it again).",
      ),
  )
    .option("--sort <key>", sortHelp)
    .option("--out <file>", "write to this file instead of stdout")
    .addHelpText(
      "after",
      "\nExamples:\n  aims systems export --out systems.csv\n  aims systems export --stage deployed > deployed.csv",
    )
    .action(
      ctx.action(async (opts: ExportOptions, ...rest: unknown[]) => {
        const query = validateFilter(AiSystemExportQuery, filterCandidate(opts));
        const session = await ctx.session(commandOf(rest));
        const csv = await session.client.text("GET", await session.orgPath("/ai-systems/export"), { query });
        if (!opts.out) return ctx.out(csv);
        await writeFile(resolve(ctx.io.cwd, opts.out), csv);
        ctx.note(`Wrote ${opts.out}.`);
      }),
    );
}
