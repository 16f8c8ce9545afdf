import type { Command } from "commander";
import type { IncidentDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { checkIncidentId, incidentDetails } from "./present";

export function registerIncidentShow(incidents: Command, ctx: CommandContext) {
  incidents
    .command("show")
    .summary("show one AI incident: deadlines with days left, the serious-incident answers, communications")
    .argument("<id>", "the incident's id")
    .option("--json", "print the raw JSON (with deadlines and communications)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/incidents/${checkIncidentId(id)}`);
        const incident = await session.client.json<IncidentDetailView>("GET", path);
        ctx.out(opts.json ? printJson(incident) : incidentDetails(incident));
      }),
    );
}
