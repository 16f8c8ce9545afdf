import type { Command } from "commander";
import {
  AiModelListQuery,
  CreateAiModelInput,
  describeIssues,
  type AiModelSummaryView,
  type AiModelView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { checkModelId, modelDetails, modelTable } from "./present";

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerModelsCommands(program: Command, ctx: CommandContext) {
  const models = program
    .command("models")
    .summary("AI models, components of AI systems: list, show, create")
    .description("The models the organization's AI systems are built from (docs/inventory.md).");

  models
    .command("list")
    .alias("ls")
    .summary("list AI models")
    .option("--q <text>", "search name, provider and base model")
    .option("--gpai", "only general-purpose AI models")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching model")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            q: opts.q,
            gpai: opts.gpai ? "true" : undefined,
            limit: opts.limit ?? (opts.all ? "200" : undefined),
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const parsed = AiModelListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({ path: `--${i.path}`, message: i.message })),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<AiModelSummaryView>(session, "/models", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No models match.\n");
        ctx.out(modelTable(page.items));
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );

  models
    .command("show")
    .summary("show one AI model with the systems it is part of")
    .argument("<id>", "the model's id")
    .option("--json", "print the raw JSON (AiModelView, with the model card, links and abilities)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/models/${checkModelId(id)}`);
        const model = await session.client.json<AiModelView>("GET", path);
        ctx.out(opts.json ? printJson(model) : modelDetails(model));
      }),
    );

  models
    .command("create")
    .summary("record an AI model")
    .requiredOption("--name <name>", "the model's name")
    .option("--model-version <v>", "the model's version, e.g. 2.1")
    .option("--type <type>", "the kind of model, e.g. 'gradient-boosted trees'")
    .option("--provider <who>", "who provides it")
    .option("--third-party", "provided by a third party (default: in-house)")
    .option("--base-model <name>", "the base or foundation model it derives from")
    .option("--gpai", "a general-purpose AI model")
    .option("--compute <flop>", "estimated cumulative training compute in FLOP, e.g. 1e24")
    .option("--licence <licence>", "licence")
    .option("--intended-use <text>", "intended use")
    .option("--limitations <text>", "known limitations")
    .option("--system <id>", "an AI system the model is part of (repeatable)", collect, [])
    .option("--json", "print the created model as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  aims models create --name 'Credit scorer' --model-version 2.1 --system <systemId>",
    )
    .action(
      ctx.action(
        async (opts: Record<string, string | string[] | boolean | undefined>, ...rest: unknown[]) => {
          const candidate: Record<string, unknown> = {
            name: opts.name,
            ...(opts.modelVersion !== undefined && { modelVersion: opts.modelVersion }),
            ...(opts.type !== undefined && { modelType: opts.type }),
            ...(opts.provider !== undefined && { provider: opts.provider }),
            ...(opts.thirdParty && { providerKind: "third_party" }),
            ...(opts.baseModel !== undefined && { baseModel: opts.baseModel }),
            ...(opts.gpai && { gpai: true }),
            ...(opts.compute !== undefined && { trainingComputeFlop: Number(opts.compute) }),
            ...(opts.licence !== undefined && { licence: opts.licence }),
            ...(opts.intendedUse !== undefined && { intendedUse: opts.intendedUse }),
            ...(opts.limitations !== undefined && { limitations: opts.limitations }),
            links: (opts.system as string[]).map((id) => ({ type: "ai_system", id })),
          };
          const parsed = CreateAiModelInput.safeParse(candidate);
          if (!parsed.success) {
            const flags: Record<string, string> = { trainingComputeFlop: "--compute", links: "--system" };
            throw usageError(
              "Invalid model.",
              describeIssues(parsed.error).map((i) => ({
                path: flags[i.path.split(".")[0]!] ?? i.path,
                message: i.message,
              })),
            );
          }
          const session = await ctx.session(commandOf(rest));
          const model = await session.client.json<AiModelView>("POST", await session.orgPath("/models"), {
            json: candidate,
          });
          if (opts.json) return ctx.out(printJson(model));
          ctx.out(`Recorded model "${model.name}" (${model.id}).\n`);
        },
      ),
    );
}
