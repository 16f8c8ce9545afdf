import type { Command } from "commander";
import type { AiSystemView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkId } from "./present";
import { currentVersion, parseVersion } from "./version";

/** `archive` and `restore` differ only in the endpoint and the words. */
function registerArchiveLike(systems: Command, ctx: CommandContext, verb: "archive" | "restore") {
  const done = verb === "archive" ? "Archived" : "Restored";
  systems
    .command(verb)
    .summary(
      verb === "archive"
        ? "archive an AI system (hidden from lists, kept with its history)"
        : "restore an archived AI system",
    )
    .argument("<id>", "the AI system's id")
    .option("--version <n>", "the version you last read (default: the current one)")
    .option("--json", "print the system as JSON")
    .action(
      ctx.action(async (id: string, opts: { version?: string; json?: boolean }, ...rest: unknown[]) => {
        checkId(id);
        const explicit = opts.version !== undefined ? parseVersion(opts.version) : undefined;
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/ai-systems/${id}`);
        const version = explicit ?? (await currentVersion(session, path));
        const system = await session.client.json<AiSystemView>("POST", `${path}/${verb}`, {
          json: { version },
        });
        if (opts.json) return ctx.out(printJson(system));
        ctx.out(`${done} AI system ${system.id} (${system.name}); now version ${system.version}.\n`);
      }),
    );
}

export const registerArchive = (systems: Command, ctx: CommandContext) =>
  registerArchiveLike(systems, ctx, "archive");
export const registerRestore = (systems: Command, ctx: CommandContext) =>
  registerArchiveLike(systems, ctx, "restore");
