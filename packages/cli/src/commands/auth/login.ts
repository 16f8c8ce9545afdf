import type { Command } from "commander";
import { commandOf, type CommandContext } from "../../command-context";
import { normalizeUrl, profileName, readConfig, writeConfig } from "../../config/profiles";
import { usageError } from "../../exit-codes";
import { secretArg } from "../../io";
import { ApiClient } from "../../http/api-client";
import { orgOfToken, timeoutFromEnv, type MeResponse } from "../../http/session";

interface LoginOptions {
  url?: string;
  token?: string;
}

export function registerLogin(program: Command, ctx: CommandContext) {
  program
    .command("login")
    .summary("save a server URL and API token as a profile")
    .description(
      "Checks an API token against the server (GET /api/v1/me) and saves { url, token, orgId } as a profile in\n" +
        "$OPENAIMS_CONFIG_DIR/config.json (default ~/.config/openaims/config.json, mode 0600).\n" +
        "Create a token in the web UI under Settings → API tokens. A token belongs to one organization.",
    )
    .option("--url <url>", "the server, e.g. http://localhost:8080 (default: $OPENAIMS_URL)")
    .option("--token <token>", "the API token (oa_…); '-' reads it from stdin (default: $OPENAIMS_TOKEN)")
    .addHelpText(
      "after",
      "\nExample:\n  aims login --url https://aims.example.com --token - < token.txt --profile prod",
    )
    .action(
      ctx.action(async (opts: LoginOptions, ...rest: unknown[]) => {
        const cmd = commandOf(rest);
        const url = opts.url ?? ctx.io.env.OPENAIMS_URL;
        const token = opts.token ? await secretArg(ctx.io, opts.token) : ctx.io.env.OPENAIMS_TOKEN;
        if (!url) throw usageError("--url is required (or set OPENAIMS_URL).");
        if (!/^https?:\/\/[^/]/.test(url))
          throw usageError(`--url must start with http:// or https://, got '${url}'.`);
        if (!token) throw usageError("--token is required (or set OPENAIMS_TOKEN).");
        const base = normalizeUrl(url);
        const me = await new ApiClient(base, token, timeoutFromEnv(ctx.io)).json<MeResponse>(
          "GET",
          "/api/v1/me",
        );
        const orgId = orgOfToken(me);
        const org = me.memberships[0]!;
        const name = profileName(ctx.io, ctx.profileOption(cmd));
        const config = await readConfig(ctx.io);
        config.profiles[name] = { url: base, token, orgId };
        const file = await writeConfig(ctx.io, config);
        ctx.out(
          `Signed in to ${base} as ${me.user.email} in ${org.orgName} (${org.roleLabel}).\n` +
            `Saved profile '${name}' in ${file}.\n`,
        );
      }),
    );
}
