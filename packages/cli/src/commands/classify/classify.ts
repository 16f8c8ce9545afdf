import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import {
  ClassificationAnswers,
  classifyAiSystem,
  currentEuAiActRules,
  describeIssues,
  summarizeIssues,
} from "@openaims/core";
import type { CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { classificationText } from "./present";

interface ClassifyOptions {
  answers: string;
  json?: boolean;
}

/** `aims classify`: the EU AI Act classifier run locally with core's rule data; needs no server or sign-in. */
export function registerClassify(program: Command, ctx: CommandContext) {
  program
    .command("classify")
    .summary("Classify an AI system under the EU AI Act from a questionnaire answers file (offline)")
    .description(
      "Computes the EU AI Act classification (prohibited practices, high-risk route, Art. 6(3) exemption, Art. 50 " +
        "transparency, GPAI, FRIA, registration) and the dated obligations per role from a JSON answers file, " +
        `locally with the rule data ${currentEuAiActRules.id}. The same as POST /api/v1/eu-ai-act/classify ` +
        "(docs/eu-ai-act.md).",
    )
    .requiredOption("--answers <file>", "the answers JSON file ('-' reads standard input)")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims classify --answers answers.json\n" +
        "  aims classify --answers answers.json --json | jq '.obligations[] | {article, appliesFrom}'",
    )
    .action(
      ctx.action(async (opts: ClassifyOptions) => {
        const raw = await readAnswers(ctx, opts.answers);
        let data: unknown;
        try {
          data = JSON.parse(raw);
        } catch {
          throw usageError(`${opts.answers} is not valid JSON.`);
        }
        const parsed = ClassificationAnswers.safeParse(data);
        if (!parsed.success) {
          const issues = describeIssues(parsed.error);
          throw usageError(`Invalid answers: ${summarizeIssues(issues)}`, issues);
        }
        const result = classifyAiSystem(parsed.data, currentEuAiActRules);
        ctx.out(opts.json ? printJson(result) : classificationText(result));
      }),
    );
}

export async function readAnswers(ctx: CommandContext, file: string): Promise<string> {
  if (file === "-") return ctx.io.readStdin ? ctx.io.readStdin() : "";
  try {
    return await readFile(resolve(ctx.io.cwd, file), "utf8");
  } catch {
    throw usageError(`Cannot read the answers file ${file}.`);
  }
}
