import type { Command } from "commander";
import { commandOf, type CommandContext } from "../../command-context";
import { keyValues, printJson } from "../../output/format";
import type { MeResponse } from "../../http/session";

export function registerWhoami(program: Command, ctx: CommandContext) {
  program
    .command("whoami")
    .summary("show who the current profile or token signs in as")
    .option("--json", "print the raw JSON of GET /api/v1/me")
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const me = await session.client.json<MeResponse>("GET", "/api/v1/me");
        if (opts.json) return ctx.out(printJson(me));
        const orgId = await session.orgId();
        const m = me.memberships.find((x) => x.orgId === orgId) ?? me.memberships[0];
        ctx.out(
          keyValues([
            ["Profile", session.connection.profile],
            ["Server", session.connection.url],
            ["User", `${me.user.name} <${me.user.email}>`],
            ["User ID", me.user.id],
            ["Organization", m ? `${m.orgName} (${m.orgId})` : "-"],
            ["Role", m?.roleLabel ?? "-"],
          ]),
        );
      }),
    );
}
