import type { Command } from "commander";
import { CreateTaskInput, linkTargetTypes, taskPriorities, type TaskView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import type { MeResponse } from "../../http/session";
import { printJson } from "../../output/format";
import { taskDetails, validateTaskInput } from "./present";

interface CreateOptions {
  title?: string;
  description?: string;
  assignee?: string;
  due?: string;
  priority?: string;
  subject?: string;
  json?: boolean;
}

const flagOf = {
  title: "--title",
  description: "--description",
  assigneeId: "--assignee",
  dueDate: "--due",
  priority: "--priority",
  subject: "--subject",
};

/** `TYPE:ID`, split at the first colon (framework nodes keep theirs: `framework_node:A.2.2`). */
function parseSubject(raw: string): { type: string; id: string } {
  const at = raw.indexOf(":");
  if (at <= 0 || at === raw.length - 1)
    throw usageError(`--subject must be TYPE:ID (types: ${linkTargetTypes.join(", ")}), got '${raw}'.`);
  return { type: raw.slice(0, at), id: raw.slice(at + 1) };
}

export function registerCreate(tasks: Command, ctx: CommandContext) {
  tasks
    .command("create")
    .summary("create a task")
    .requiredOption("--title <text>", "what is to be done")
    .option("--description <text>", "more detail")
    .option("--assignee <userId>", "the member who does it ('me' for yourself)")
    .option("--due <YYYY-MM-DD>", "due date")
    .option("--priority <p>", `one of: ${taskPriorities.join(", ")}`)
    .option("--subject <TYPE:ID>", `the record it is about, e.g. document:<id> or framework_node:A.6.2.4`)
    .option("--json", "print the created task as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims tasks create --title 'Collect evidence for A.6.2.4' --subject framework_node:A.6.2.4 --due 2026-09-30\n" +
        "  aims tasks create --title 'Review vendor contract' --assignee me --json | jq -r .id",
    )
    .action(
      ctx.action(async (opts: CreateOptions, ...rest: unknown[]) => {
        const candidate = {
          title: opts.title,
          ...(opts.description !== undefined && { description: opts.description }),
          ...(opts.assignee !== undefined && opts.assignee !== "me" && { assigneeId: opts.assignee }),
          ...(opts.due !== undefined && { dueDate: opts.due }),
          ...(opts.priority !== undefined && { priority: opts.priority }),
          ...(opts.subject !== undefined && { subject: parseSubject(opts.subject) }),
        };
        const input = validateTaskInput(CreateTaskInput, candidate, flagOf);
        const session = await ctx.session(commandOf(rest));
        if (opts.assignee === "me")
          input.assigneeId = (await session.client.json<MeResponse>("GET", "/api/v1/me")).user.id;
        const task = await session.client.json<TaskView>("POST", await session.orgPath("/tasks"), {
          json: input,
        });
        if (opts.json) return ctx.out(printJson(task));
        ctx.out(`Created task ${task.id}.\n${taskDetails(task)}`);
      }),
    );
}
