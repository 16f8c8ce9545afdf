import type { Command } from "commander";
import {
  CreateTrainingRecordInput,
  TrainingRecordListQuery,
  trainingMethods,
  trainingStatusLabels,
  type TrainingRecordView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson, table, type Column } from "../../output/format";
import { registerTrainingImport } from "./import";
import { flagIssues } from "./register";

const collect = (v: string, prev: string[]) => [...prev, v];

/** CLI flag per input field, for usage errors. */
export const recordFlags: Record<string, string> = {
  userId: "--member",
  email: "--member",
  topicId: "--topic",
  completedOn: "--completed",
  expiresOn: "--expires",
  evidenceIds: "--evidence",
};

const columns: Column<TrainingRecordView>[] = [
  { header: "ID", value: (r) => r.id },
  { header: "MEMBER", value: (r) => r.userEmail, max: 32 },
  { header: "TOPIC", value: (r) => r.topicName, max: 32 },
  { header: "COMPLETED", value: (r) => r.completedOn },
  { header: "EXPIRES", value: (r) => r.expiresOn ?? "never" },
  { header: "STATUS", value: (r) => trainingStatusLabels[r.status] },
];

export function registerTrainingRecordCommands(training: Command, ctx: CommandContext) {
  const records = training.command("records").summary("completed trainings: list, add");

  records
    .command("list")
    .alias("ls")
    .summary("list training records (your own unless your role reads everyone's)")
    .option("--user <id>", "one member's records (user id)")
    .option("--topic <id>", "one topic's records")
    .option("--status <status>", "current, expiring_soon or expired")
    .option("--all", "follow cursors and print every record")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            userId: opts.user,
            topicId: opts.topic,
            status: opts.status,
            limit: opts.all ? "200" : undefined,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const parsed = TrainingRecordListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            flagIssues(parsed.error, { userId: "--user", topicId: "--topic" }),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<TrainingRecordView>(
          session,
          "/training/records",
          candidate,
          !!opts.all,
        );
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No training records match.\n");
        ctx.out(table(page.items, columns));
        if (page.nextCursor) ctx.note("More: add --all.");
      }),
    );

  records
    .command("add")
    .summary("record a completed training")
    .requiredOption("--member <email>", "the member who completed it (e-mail)")
    .requiredOption("--topic <id>", "the training topic's id")
    .requiredOption("--completed <date>", "the day it was completed (YYYY-MM-DD)")
    .option("--expires <date>", "a stated end of validity (default: from the topic's validity)")
    .option("--provider <text>", "who gave the training")
    .option("--method <method>", `how: ${trainingMethods.join(", ")}`)
    .option("--note <text>", "a note")
    .option("--evidence <id>", "an evidence item proving it (repeatable)", collect, [])
    .option("--json", "print the created record as JSON")
    .action(
      ctx.action(
        async (opts: Record<string, string | string[] | boolean | undefined>, ...rest: unknown[]) => {
          const candidate: Record<string, unknown> = {
            email: opts.member,
            topicId: opts.topic,
            completedOn: opts.completed,
            ...(opts.expires !== undefined && { expiresOn: opts.expires }),
            ...(opts.provider !== undefined && { provider: opts.provider }),
            ...(opts.method !== undefined && { method: opts.method }),
            ...(opts.note !== undefined && { note: opts.note }),
            evidenceIds: opts.evidence,
          };
          const parsed = CreateTrainingRecordInput.safeParse(candidate);
          if (!parsed.success)
            throw usageError("Invalid training record.", flagIssues(parsed.error, recordFlags));
          const session = await ctx.session(commandOf(rest));
          const r = await session.client.json<TrainingRecordView>(
            "POST",
            await session.orgPath("/training/records"),
            { json: candidate },
          );
          if (opts.json) return ctx.out(printJson(r));
          ctx.out(
            `Recorded "${r.topicName}" for ${r.userEmail}, completed ${r.completedOn}` +
              `${r.expiresOn ? `, counts until ${r.expiresOn}` : ""} (${r.id}).\n`,
          );
        },
      ),
    );

  registerTrainingImport(training, ctx);
}
