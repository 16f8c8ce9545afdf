import type { Command } from "commander";
import {
  CreateDatasetInput,
  DatasetListQuery,
  describeIssues,
  Uuid,
  type DatasetSummaryView,
  type DatasetView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { keyValues, printJson, table, type Column } from "../../output/format";

const collect = (v: string, prev: string[]) => [...prev, v];
const yes = (b: boolean) => (b ? "yes" : "");

const columns: Column<DatasetSummaryView>[] = [
  { header: "ID", value: (d) => d.id },
  { header: "NAME", value: (d) => d.name, max: 40 },
  { header: "SOURCE", value: (d) => d.source, max: 30 },
  { header: "PERSONAL", value: (d) => yes(d.personalData) },
  { header: "SPECIAL", value: (d) => yes(d.specialCategories) },
];

function details(d: DatasetView): string {
  return keyValues([
    ["ID", d.id],
    ["Name", d.name],
    ["Source", d.source],
    ["Provenance", d.provenance.map((p, i) => `${i + 1}. ${p}`).join("\n")],
    ["Collection", d.collectionMethod],
    ["Terms", d.acquisitionTerms],
    ["Licence", d.licence],
    ["Personal data", d.personalData ? "yes" : "no"],
    ["Special categories", d.specialCategories ? "yes" : "no"],
    ["Preparation", d.preparationSteps],
    ["Quality checks", d.qualityChecks],
    ["Quality results", d.qualityResults],
    ["Representativeness", d.representativeness],
    ["Known gaps", d.knownGaps],
    ["Retention", d.retention],
    ["Used by", d.links.map((l) => `${l.type === "ai_model" ? "model" : "system"}: ${l.label}`).join("\n")],
    ["Archived", d.archivedAt ?? "no"],
    ["Version", String(d.version)],
  ]);
}

export function registerDatasetsCommands(program: Command, ctx: CommandContext) {
  const datasets = program
    .command("datasets")
    .summary("datasets (A.7), components of AI systems: list, show, create")
    .description("The data the organization's AI systems and models are trained, evaluated and run on.");

  datasets
    .command("list")
    .alias("ls")
    .summary("list datasets")
    .option("--q <text>", "search name, source and description")
    .option("--special-categories", "only datasets with special categories of personal data")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching dataset")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            q: opts.q,
            specialCategories: opts.specialCategories ? "true" : undefined,
            limit: opts.limit ?? (opts.all ? "200" : undefined),
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const parsed = DatasetListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({ path: `--${i.path}`, message: i.message })),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<DatasetSummaryView>(session, "/datasets", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No datasets match.\n");
        ctx.out(table(page.items, columns));
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );

  datasets
    .command("show")
    .summary("show one dataset with the systems and models that use it")
    .argument("<id>", "the dataset's id")
    .option("--json", "print the raw JSON (DatasetView, with the datasheet, links and abilities)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a dataset id (a UUID).`);
        const session = await ctx.session(commandOf(rest));
        const d = await session.client.json<DatasetView>("GET", await session.orgPath(`/datasets/${id}`));
        ctx.out(opts.json ? printJson(d) : details(d));
      }),
    );

  datasets
    .command("create")
    .summary("record a dataset")
    .requiredOption("--name <name>", "the dataset's name")
    .option("--source <text>", "where the data comes from")
    .option("--provenance <step>", "a step of the provenance chain, oldest first (repeatable)", collect, [])
    .option("--licence <licence>", "licence or terms of use")
    .option("--personal-data", "holds personal data")
    .option("--special-categories", "holds special categories of personal data (implies --personal-data)")
    .option("--retention <text>", "how long it is kept")
    .option("--system <id>", "an AI system that uses it (repeatable)", collect, [])
    .option("--model <id>", "a model trained or evaluated on it (repeatable)", collect, [])
    .option("--json", "print the created dataset as JSON")
    .action(
      ctx.action(
        async (opts: Record<string, string | string[] | boolean | undefined>, ...rest: unknown[]) => {
          const candidate: Record<string, unknown> = {
            name: opts.name,
            ...(opts.source !== undefined && { source: opts.source }),
            provenance: opts.provenance,
            ...(opts.licence !== undefined && { licence: opts.licence }),
            personalData: Boolean(opts.personalData || opts.specialCategories),
            specialCategories: Boolean(opts.specialCategories),
            ...(opts.retention !== undefined && { retention: opts.retention }),
            links: [
              ...(opts.system as string[]).map((id) => ({ type: "ai_system", id })),
              ...(opts.model as string[]).map((id) => ({ type: "ai_model", id })),
            ],
          };
          const parsed = CreateDatasetInput.safeParse(candidate);
          if (!parsed.success)
            throw usageError(
              "Invalid dataset.",
              describeIssues(parsed.error).map((i) => ({
                path: i.path.startsWith("provenance")
                  ? "--provenance"
                  : i.path.startsWith("links")
                    ? "--system/--model"
                    : i.path,
                message: i.message,
              })),
            );
          const session = await ctx.session(commandOf(rest));
          const d = await session.client.json<DatasetView>("POST", await session.orgPath("/datasets"), {
            json: candidate,
          });
          if (opts.json) return ctx.out(printJson(d));
          ctx.out(`Recorded dataset "${d.name}" (${d.id}).\n`);
        },
      ),
    );
}
