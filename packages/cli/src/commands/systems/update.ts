import type { Command } from "commander";
import { UpdateAiSystemInput, type AiSystemView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { addFieldOptions, collectFields, validateWith } from "./fields";
import { checkId, systemDetails } from "./present";
import { currentVersion, parseVersion } from "./version";

export function registerUpdate(systems: Command, ctx: CommandContext) {
  addFieldOptions(
    systems
      .command("update")
      .summary("change fields of an AI system")
      .description(
        "Changes only the fields given. With --version N the change applies only if the system is still at\n" +
          "version N (exit 5 otherwise); without it the current version is read first.",
      )
      .argument("<id>", "the AI system's id"),
  )
    .option("--version <n>", "the version you last read (optimistic locking)")
    .option("--json", "print the updated system as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  aims systems update 0b6c… --stage monitoring --tags hr,eu,reviewed --version 3",
    )
    .action(
      ctx.action(async (id: string, opts: Record<string, unknown>, ...rest: unknown[]) => {
        checkId(id);
        const fields = await collectFields(opts, ctx.io.cwd);
        const given = Object.keys(fields.input).filter((k) => k !== "version");
        if (given.length === 0)
          throw usageError("Nothing to update: give at least one field flag or --file.");
        const explicit = opts.version !== undefined ? parseVersion(String(opts.version)) : undefined;
        // Validate before the first request, with a placeholder version when it still has to be read.
        validateWith(UpdateAiSystemInput, {
          ...fields,
          input: { version: 1, ...fields.input, ...(explicit ? { version: explicit } : {}) },
        });
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/ai-systems/${id}`);
        const version =
          explicit ?? (fields.input.version as number | undefined) ?? (await currentVersion(session, path));
        const input = validateWith(UpdateAiSystemInput, { ...fields, input: { ...fields.input, version } });
        const system = await session.client.json<AiSystemView>("PATCH", path, { json: input });
        if (opts.json) return ctx.out(printJson(system));
        ctx.out(`Updated AI system ${system.id}; now version ${system.version}.\n${systemDetails(system)}`);
      }),
    );
}
