import type { Command } from "commander";
import {
  emptySeriousIncidentAnswers,
  incidentHarmTypes,
  incidentSeverities,
  ReportIncidentInput,
  type IncidentView,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { validateTaskInput as validateInput } from "../tasks/present";
import { incidentDetails } from "./present";

interface ReportOptions {
  title?: string;
  description?: string;
  aware?: string;
  occurred?: string;
  severity?: string;
  harm?: string;
  role?: string;
  system: string[];
  yes?: string;
  no?: string;
  json?: boolean;
}

const flagOf: Record<string, string> = {
  title: "--title",
  description: "--description",
  becameAwareOn: "--aware",
  occurredOn: "--occurred",
  severity: "--severity",
  harmTypes: "--harm",
  role: "--role",
  aiSystemIds: "--system",
  seriousIncident: "--yes/--no",
};

const questionKeys = Object.keys(emptySeriousIncidentAnswers) as (keyof SeriousIncidentAnswers)[];
const list = (s: string | undefined) =>
  s
    ? s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** `--yes death,seriousHealthHarm --no rest`: explicit answers to the Art. 3(49) questions. */
export function answersFrom(yes: string | undefined, no: string | undefined): SeriousIncidentAnswers {
  const answers: SeriousIncidentAnswers = { ...emptySeriousIncidentAnswers };
  const yesKeys = list(yes);
  for (const k of yesKeys) {
    if (!(questionKeys as string[]).includes(k))
      throw usageError(`--yes: unknown question '${k}' (one of: ${questionKeys.join(", ")}).`);
    answers[k as keyof SeriousIncidentAnswers] = true;
  }
  const noKeys = list(no);
  for (const k of noKeys.includes("rest") ? questionKeys.filter((q) => !yesKeys.includes(q)) : noKeys) {
    if (!(questionKeys as string[]).includes(k))
      throw usageError(`--no: unknown question '${k}' (one of: ${questionKeys.join(", ")}, rest).`);
    if (yesKeys.includes(k)) throw usageError(`--yes and --no both answer '${k}'.`);
    answers[k as keyof SeriousIncidentAnswers] = false;
  }
  return answers;
}

export function registerIncidentReport(incidents: Command, ctx: CommandContext) {
  incidents
    .command("report")
    .summary("report an AI incident")
    .requiredOption("--title <text>", "what happened, in one line")
    .requiredOption("--aware <YYYY-MM-DD>", "the day you became aware (the regulatory clocks start here)")
    .option("--occurred <YYYY-MM-DD>", "the day it happened, if known")
    .option("--description <text>", "more detail")
    .option("--severity <s>", `one of: ${incidentSeverities.join(", ")} (default medium)`)
    .option("--harm <types>", `comma-separated: ${incidentHarmTypes.join(", ")}`)
    .option("--role <role>", "your role for the system: provider (default) or deployer")
    .option(
      "--system <id>",
      "an AI system involved (repeatable)",
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option("--yes <questions>", `Art. 3(49) questions answered yes: ${questionKeys.join(", ")}`)
    .option("--no <questions>", "questions answered no (comma-separated, or 'rest' for all not answered yes)")
    .option("--json", "print the created incident as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims incidents report --title 'Chatbot advised stopping medication' --aware 2026-11-20 --severity high \\\n" +
        "    --harm health --yes seriousHealthHarm --no rest --system <systemId>\n" +
        "  aims incidents report --title 'Near miss in triage' --aware 2026-11-20 --no rest --json | jq .deadlines",
    )
    .action(
      ctx.action(async (opts: ReportOptions, ...rest: unknown[]) => {
        const candidate = {
          title: opts.title,
          becameAwareOn: opts.aware,
          ...(opts.occurred !== undefined && { occurredOn: opts.occurred }),
          ...(opts.description !== undefined && { description: opts.description }),
          ...(opts.severity !== undefined && { severity: opts.severity }),
          ...(opts.harm !== undefined && { harmTypes: list(opts.harm) }),
          ...(opts.role !== undefined && { role: opts.role }),
          aiSystemIds: opts.system,
          seriousIncident: answersFrom(opts.yes, opts.no),
        };
        const input = validateInput(ReportIncidentInput, candidate, flagOf);
        const session = await ctx.session(commandOf(rest));
        const incident = await session.client.json<IncidentView>(
          "POST",
          await session.orgPath("/incidents"),
          {
            json: input,
          },
        );
        if (opts.json) return ctx.out(printJson(incident));
        ctx.out(`Reported incident ${incident.id}.\n${incidentDetails(incident)}`);
      }),
    );
}
