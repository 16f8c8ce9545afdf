import type { Command } from "commander";
import {
  CreateTrainingTopicInput,
  describeIssues,
  TrainingTopicListQuery,
  trainingKinds,
  trainingStatusLabels,
  type FieldIssue,
  type TrainingCoverageView,
  type TrainingTopicView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { ExitCode, usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson, table, type Column } from "../../output/format";
import { registerTrainingRecordCommands } from "./records";

const collect = (v: string, prev: string[]) => [...prev, v];

/** Zod issues as CLI flags (`validityMonths` → `--validity`). */
export function flagIssues(
  error: Parameters<typeof describeIssues>[0],
  flags: Record<string, string>,
): FieldIssue[] {
  return describeIssues(error).map((i) => {
    const head = i.path.split(".")[0]!;
    return { path: flags[head] ?? `--${head}`, message: i.message };
  });
}

const topicColumns: Column<TrainingTopicView>[] = [
  { header: "ID", value: (t) => t.id },
  { header: "NAME", value: (t) => t.name, max: 40 },
  { header: "KIND", value: (t) => t.kind },
  { header: "ART. 4", value: (t) => (t.aiLiteracy ? "yes" : "") },
  {
    header: "VALIDITY",
    value: (t) => (t.validityMonths === null ? "no expiry" : `${t.validityMonths} months`),
  },
  { header: "REQUIRED OF", value: (t) => (!t.required ? "optional" : requiredOf(t)), max: 40 },
];

function requiredOf(t: TrainingTopicView): string {
  const parts = [...t.roles, ...t.aiSystems.map((s) => `owners of ${s.label}`)];
  return parts.length === 0 ? "everyone" : parts.join(", ");
}

const shortStatus: Record<string, string> = {
  current: "ok",
  expiring_soon: "soon",
  expired: "EXPIRED",
  missing: "MISSING",
};

function coverageText(c: TrainingCoverageView): string {
  const s = c.summary;
  const head =
    `Training coverage as of ${c.asOf}${c.complete ? "" : " (your own row only)"}\n` +
    `AI literacy (Art. 4): ${s.aiLiteracyValid} of ${s.members} active members (${s.aiLiteracyPercent} %), ` +
    `${s.aiLiteracyExpiringSoon} expiring within 30 days\n` +
    `Members holding every required topic: ${s.covered} of ${s.members}\n\n`;
  if (c.topics.length === 0)
    return `${head}No training topics yet: add one with 'aims training topics add'.\n`;
  const columns: Column<TrainingCoverageView["members"][number]>[] = [
    { header: "MEMBER", value: (m) => m.email, max: 36 },
    { header: "AI LITERACY", value: (m) => trainingStatusLabels[m.aiLiteracy] },
    ...c.topics.map((t, i): Column<TrainingCoverageView["members"][number]> => ({
      header: t.name.length > 18 ? `${t.name.slice(0, 17)}…` : t.name,
      value: (m) => {
        const cell = m.cells[i]!;
        return cell.applies || cell.status !== "missing"
          ? `${shortStatus[cell.status]}${cell.applies ? "" : " (opt)"}`
          : "-";
      },
    })),
  ];
  return head + table(c.members, columns);
}

export function registerTrainingCommands(program: Command, ctx: CommandContext) {
  const training = program
    .command("training")
    .summary("competence and AI literacy (7.2, EU AI Act Art. 4): topics, records, coverage")
    .description(
      "The training catalogue, who completed what and when, and which members hold current AI-literacy training.",
    );

  const topics = training.command("topics").summary("the training catalogue: list, add");
  topics
    .command("list")
    .alias("ls")
    .summary("list training topics")
    .option("--kind <kind>", `kind: ${trainingKinds.join(", ")}`)
    .option("--q <text>", "search name and description")
    .option("--all", "follow cursors and print every topic")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({ kind: opts.kind, q: opts.q, limit: opts.all ? "200" : undefined }).filter(
            ([, v]) => v !== undefined,
          ),
        ) as Record<string, string>;
        const parsed = TrainingTopicListQuery.safeParse(candidate);
        if (!parsed.success) throw usageError("Invalid filter.", flagIssues(parsed.error, {}));
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<TrainingTopicView>(session, "/training/topics", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No training topics.\n");
        ctx.out(table(page.items, topicColumns));
        if (page.nextCursor) ctx.note("More: add --all.");
      }),
    );

  topics
    .command("add")
    .summary("add a training topic")
    .requiredOption("--name <name>", "the topic's name")
    .option("--description <text>", "what it covers")
    .option("--kind <kind>", `kind: ${trainingKinds.join(", ")}`, "other")
    .option("--validity <months>", "months a completion counts (default: never expires)")
    .option("--optional", "not required of anyone (shown, not counted in coverage)")
    .option("--role <role>", "a role that must hold it (repeatable; default: everyone)", collect, [])
    .option("--system <id>", "an AI system whose owner must hold it (repeatable)", collect, [])
    .option("--ai-literacy", "counts toward Art. 4 AI literacy (default for kind ai_literacy)")
    .option("--no-ai-literacy", "does not count toward AI literacy")
    .option("--json", "print the created topic as JSON")
    .action(
      ctx.action(
        async (opts: Record<string, string | string[] | boolean | undefined>, ...rest: unknown[]) => {
          const validity = opts.validity === undefined ? null : Number(opts.validity);
          const cmd = commandOf(rest);
          const literacySource = cmd.getOptionValueSource("aiLiteracy");
          const candidate: Record<string, unknown> = {
            name: opts.name,
            ...(opts.description !== undefined && { description: opts.description }),
            kind: opts.kind,
            validityMonths: validity,
            required: !opts.optional,
            roles: opts.role,
            aiSystemIds: opts.system,
            ...(literacySource === "cli" && { aiLiteracy: opts.aiLiteracy }),
          };
          const parsed = CreateTrainingTopicInput.safeParse(candidate);
          if (!parsed.success)
            throw usageError(
              "Invalid training topic.",
              flagIssues(parsed.error, {
                validityMonths: "--validity",
                roles: "--role",
                aiSystemIds: "--system",
              }),
            );
          const session = await ctx.session(cmd);
          const t = await session.client.json<TrainingTopicView>(
            "POST",
            await session.orgPath("/training/topics"),
            {
              json: candidate,
            },
          );
          if (opts.json) return ctx.out(printJson(t));
          ctx.out(`Added training topic "${t.name}" (${t.id}).\n`);
        },
      ),
    );

  training
    .command("coverage")
    .summary("who holds which required training, and the share with current AI literacy")
    .option("--json", "print the raw JSON (TrainingCoverageView)")
    .option("--fail-below <percent>", "exit 1 when the AI-literacy share is below this (for pipelines)")
    .action(
      ctx.action(async (opts: { json?: boolean; failBelow?: string }, ...rest: unknown[]) => {
        const threshold = opts.failBelow === undefined ? null : Number(opts.failBelow);
        if (threshold !== null && !(threshold >= 0 && threshold <= 100))
          throw usageError("--fail-below must be a percentage from 0 to 100.");
        const session = await ctx.session(commandOf(rest));
        const c = await session.client.json<TrainingCoverageView>(
          "GET",
          await session.orgPath("/training/coverage"),
        );
        ctx.out(opts.json ? printJson(c) : coverageText(c));
        if (threshold !== null && c.summary.aiLiteracyPercent < threshold) {
          ctx.note(`AI literacy ${c.summary.aiLiteracyPercent} % is below ${threshold} %.`);
          return ExitCode.failure;
        }
      }),
    );

  registerTrainingRecordCommands(training, ctx);
}
