import type { Command } from "commander";
import { BootstrapInput, describeIssues, isDomainError } from "@openaims/core";
import { bootstrapInstance, createAppContext } from "@openaims/app";
import { DataDirLockedError, migrateDatabase } from "@openaims/db";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";
import { secretArg } from "../../io";
import { describeTarget, localTarget, withLocalDatabase } from "../../local/local-database";
import { bootstrapThroughServer, type BootstrapOutcome } from "./bootstrap-channel";

interface BootstrapOptions {
  email: string;
  password: string;
  org: string;
  name?: string;
}
const flagOf: Record<string, string> = {
  email: "--email",
  password: "--password",
  org: "--org",
  name: "--name",
};

export function registerBootstrap(admin: Command, ctx: CommandContext) {
  admin
    .command("bootstrap")
    .summary("create the first owner and organization (local; once per instance)")
    .description(
      "Creates the first user (an instance administrator) and organization, with that user as owner, directly in\n" +
        "the database (DATABASE_URL, or the embedded OPENAIMS_DATA_DIR; migrating it first). Refuses once an owner\n" +
        "exists (exit 5). If a running server holds the embedded database, the command asks that server instead\n" +
        "through its local bootstrap channel (bootstrap.json next to the data directory).",
    )
    .requiredOption("--email <email>", "the owner's e-mail address (their sign-in)")
    .requiredOption("--password <password>", "at least 12 characters; '-' reads it from stdin")
    .requiredOption("--org <name>", "the organization's name")
    .option("--name <name>", "the owner's display name (default: the part of the e-mail before @)")
    .addHelpText(
      "after",
      "\nExample:\n  aims admin bootstrap --email ciso@example.com --password - --org 'Example Ltd' < pw.txt",
    )
    .action(
      ctx.action(async (opts: BootstrapOptions) => {
        const parsed = BootstrapInput.safeParse({
          email: opts.email,
          password: await secretArg(ctx.io, opts.password),
          org: opts.org,
          ...(opts.name !== undefined ? { name: opts.name } : {}),
        });
        if (!parsed.success) {
          const issues = describeIssues(parsed.error).map((i) => ({
            path: flagOf[i.path] ?? i.path,
            message: i.message,
          }));
          throw new CliError(ExitCode.usage, "Invalid bootstrap input; nothing was changed.", issues);
        }
        const input = parsed.data;
        const target = localTarget(ctx.io);
        let outcome: BootstrapOutcome;
        let url: string | null = null;
        try {
          outcome = await withLocalDatabase(target, async (database) => {
            await migrateDatabase(database);
            return bootstrapInstance(createAppContext(database), input);
          });
        } catch (e) {
          if (isDomainError(e) && e.code === "invalid_state")
            throw new CliError(ExitCode.conflict, e.message);
          if (!(e instanceof DataDirLockedError) || target.kind !== "pglite") throw e;
          const viaServer = await bootstrapThroughServer(target.dataDir, input);
          if (!viaServer) {
            throw new CliError(
              ExitCode.unreachable,
              `${e.message} (A running server offers a local bootstrap channel only while no owner exists.)`,
            );
          }
          ({ outcome, url } = viaServer);
        }
        ctx.out(
          `Created the first owner ${outcome.email} (user ${outcome.userId}) and organization '${input.org}' ` +
            `(${outcome.orgId}) in ${url ? `the running server at ${url}` : describeTarget(target)}.\n\n` +
            `Next:\n` +
            (url ? "" : "  - start the server: npm start\n") +
            `  - sign in at ${url ?? "http://localhost:8080"} as ${outcome.email}\n` +
            `  - for the CLI, create an API token under Settings → API tokens, then:\n` +
            `      aims login --url ${url ?? "http://localhost:8080"} --token <token>\n`,
        );
      }),
    );
}
