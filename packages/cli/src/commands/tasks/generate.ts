import type { Command } from "commander";
import { taskOriginLabels, type GenerateTasksResult } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";

export function registerGenerate(tasks: Command, ctx: CommandContext) {
  tasks
    .command("generate")
    .summary("open the tasks other records call for now (reviews due, SoA gaps); close those resolved")
    .description(
      "Runs task generation for the organization now (the server also runs it on a schedule). Idempotent:\n" +
        "a second run opens nothing new.",
    )
    .option("--json", "print the result as JSON")
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath("/tasks/generate");
        const r = await session.client.json<GenerateTasksResult>("POST", path);
        if (opts.json) return ctx.out(printJson(r));
        ctx.out(`Opened ${r.created} task(s), closed ${r.closed}.\n`);
        for (const o of r.byOrigin)
          ctx.out(`  ${taskOriginLabels[o.origin] ?? o.origin}: opened ${o.created}, closed ${o.closed}\n`);
      }),
    );
}
