import type { Command } from "commander";
import { CreateAiSystemInput, type AiSystemView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { addFieldOptions, collectFields, validateWith } from "./fields";
import { systemDetails } from "./present";

export function registerCreate(systems: Command, ctx: CommandContext) {
  addFieldOptions(
    systems
      .command("create")
      .summary("add an AI system to the register")
      .description(
        "Adds an AI system. Give the fields as flags, or as a JSON/YAML file with the API's field names\n" +
          "(name, purpose, description, ownerId, businessUnit, lifecycleStage, aiType, aiRoles, deploymentContext,\n" +
          "geographies, affectedStakeholders, humanOversight, tags); flags override the file.",
      ),
  )
    .option("--json", "print the created system as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims systems create --name 'CV screening' --stage deployed --type ml --roles customer --tags hr,eu\n" +
        "  aims systems create --file system.yaml --json | jq -r .id",
    )
    .action(
      ctx.action(async (opts: Record<string, unknown>, ...rest: unknown[]) => {
        const fields = await collectFields(opts, ctx.io.cwd);
        const input = validateWith(CreateAiSystemInput, fields);
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath("/ai-systems");
        const system = await session.client.json<AiSystemView>("POST", path, { json: input });
        if (opts.json) return ctx.out(printJson(system));
        ctx.out(`Created AI system ${system.id}.\n${systemDetails(system)}`);
      }),
    );
}
