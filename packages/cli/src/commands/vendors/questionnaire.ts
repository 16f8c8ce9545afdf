import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import {
  aiSupplierQuestionnaire,
  describeIssues,
  QuestionnaireAnswers,
  Uuid,
  type QuestionnaireScore,
  type VendorQuestionnaireDraftView,
  type VendorQuestionnaireHistoryView,
  type VendorQuestionnaireResponseView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { printJson, shortTime } from "../../output/format";

const checkVendorId = (id: string) => {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a vendor id (a UUID).`);
  return id;
};

/** The score in a few lines: suggested rating against the stored one, then each concern. */
function scoreLines(score: QuestionnaireScore, currentRating: string | null): string {
  const lines = [
    `Suggested rating: ${score.suggestedRating ?? "(nothing answered yet)"}; recorded rating: ${currentRating ?? "none"}` +
      (score.suggestedRating && score.suggestedRating !== currentRating ? " (differs)" : ""),
    `Points at risk: ${score.points} of ${score.maxPoints}`,
  ];
  if (score.unanswered.length > 0) lines.push(`Unanswered: ${score.unanswered.join(", ")}`);
  if (score.concerns.length === 0) lines.push("Concerns: none");
  else lines.push("Concerns:", ...score.concerns.map((c) => `  - ${c.questionId}: ${c.reason}`));
  return `${lines.join("\n")}\n`;
}

/** The questionnaire section by section with the answers given. */
function answerSheet(answers: VendorQuestionnaireDraftView["answers"]): string {
  const out: string[] = [];
  for (const s of aiSupplierQuestionnaire.sections) {
    out.push(`${s.title}`);
    for (const q of s.questions) {
      const a = answers[q.id];
      out.push(`  ${q.id}: ${a?.answer || "—"}${a?.note ? `  (${a.note})` : ""}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * Reads answers from YAML or JSON (`-` = standard input): `{ answers: { id: { answer, note } } }` or the map itself;
 * a bare string is the answer. Checked with the API's schema, so a mistake names the question before anything is sent.
 */
async function readAnswersFile(ctx: CommandContext, file: string): Promise<QuestionnaireAnswers> {
  let text: string;
  try {
    text =
      file === "-" ? await (ctx.io.readStdin?.() ?? "") : await readFile(resolve(ctx.io.cwd, file), "utf8");
  } catch {
    throw usageError(`Cannot read the answers file ${file}.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw usageError(
      `The answers file ${file} is not valid YAML or JSON: ${(e as Error).message.split("\n")[0]}`,
    );
  }
  const map =
    raw && typeof raw === "object" && "answers" in raw ? (raw as { answers: unknown }).answers : raw;
  const normalized =
    map && typeof map === "object"
      ? Object.fromEntries(
          Object.entries(map).map(([id, v]) => [id, typeof v === "string" ? { answer: v } : v]),
        )
      : map;
  const parsed = QuestionnaireAnswers.safeParse(normalized ?? {});
  if (!parsed.success)
    throw new CliError(
      ExitCode.usage,
      `The answers in ${file} are not valid; nothing was sent.`,
      describeIssues(parsed.error).map((i) => ({ path: `answers.${i.path}`, message: i.message })),
    );
  return parsed.data;
}

export function registerVendorQuestionnaireCommands(vendors: Command, ctx: CommandContext) {
  const q = vendors
    .command("questionnaire")
    .summary("the AI-supplier due-diligence questionnaire: show, answer, complete")
    .description(
      `Due diligence of an AI supplier (questionnaire ${aiSupplierQuestionnaire.version}). Answer from a file, ` +
        "check the suggested risk rating and the concerns, then complete it into an immutable record.",
    );
  const path = (id: string) => `/vendors/${checkVendorId(id)}/questionnaire`;

  q.command("show")
    .summary("show a vendor's draft answers and score (or its completed history)")
    .argument("<vendorId>", "the vendor's id")
    .option("--history", "list the completed questionnaires instead")
    .option("--json", "print the raw JSON")
    .action(
      ctx.action(async (id: string, opts: { history?: boolean; json?: boolean }, ...rest: unknown[]) => {
        const p = path(id);
        const session = await ctx.session(commandOf(rest));
        if (opts.history) {
          const h = await session.client.json<VendorQuestionnaireHistoryView>(
            "GET",
            await session.orgPath(`${p}/history`),
          );
          if (opts.json) return ctx.out(printJson(h));
          if (h.items.length === 0) return ctx.out("No completed questionnaire yet.\n");
          for (const r of h.items)
            ctx.out(
              `#${r.number}  ${shortTime(r.completedAt)}  ${r.completedBy?.name ?? ""}  suggested ${r.score.suggestedRating}, ${r.score.concerns.length} concern(s)\n`,
            );
          return;
        }
        const d = await session.client.json<VendorQuestionnaireDraftView>("GET", await session.orgPath(p));
        if (opts.json) return ctx.out(printJson(d));
        const state =
          d.version === 0
            ? d.startedFrom
              ? `not saved yet (starts from completed #${d.startedFrom})`
              : "not started"
            : `draft version ${d.version}`;
        ctx.out(`Questionnaire ${d.questionnaireVersion}, ${state}\n\n`);
        ctx.out(answerSheet(d.answers));
        ctx.out(`\n${scoreLines(d.score, d.currentRating)}`);
      }),
    );

  q.command("answer")
    .summary("save answers from a YAML or JSON file into the draft")
    .argument("<vendorId>", "the vendor's id")
    .requiredOption("--file <path>", "answers as YAML or JSON ('-' reads standard input)")
    .option("--replace", "replace the whole draft instead of merging the file's answers into it")
    .option("--json", "print the saved draft as JSON")
    .addHelpText(
      "after",
      "\nThe file maps question ids to answers (yes, partial, no, na; a date; or text), e.g.:\n" +
        "  answers:\n    supply.intended_use: yes\n    doc.logs: { answer: partial, note: only on request }\n" +
        "Question ids: aims vendors questionnaire show <vendorId>.",
    )
    .action(
      ctx.action(
        async (id: string, opts: { file: string; replace?: boolean; json?: boolean }, ...rest: unknown[]) => {
          const p = path(id);
          const answers = await readAnswersFile(ctx, opts.file);
          const session = await ctx.session(commandOf(rest));
          const current = await session.client.json<VendorQuestionnaireDraftView>(
            "GET",
            await session.orgPath(p),
          );
          const merged = opts.replace ? answers : { ...current.answers, ...answers };
          const d = await session.client.json<VendorQuestionnaireDraftView>("PUT", await session.orgPath(p), {
            json: { version: current.version, answers: merged },
          });
          if (opts.json) return ctx.out(printJson(d));
          ctx.out(`Saved ${Object.keys(answers).length} answer(s); draft version ${d.version}.\n`);
          ctx.out(scoreLines(d.score, d.currentRating));
        },
      ),
    );

  q.command("complete")
    .summary("complete the saved draft into an immutable record")
    .argument("<vendorId>", "the vendor's id")
    .option("--json", "print the completed response as JSON")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const p = path(id);
        const session = await ctx.session(commandOf(rest));
        const draft = await session.client.json<VendorQuestionnaireDraftView>(
          "GET",
          await session.orgPath(p),
        );
        if (draft.version === 0) throw usageError("There is no saved draft to complete; save answers first.");
        const r = await session.client.json<VendorQuestionnaireResponseView>(
          "POST",
          await session.orgPath(`${p}/complete`),
          { json: { version: draft.version } },
        );
        if (opts.json) return ctx.out(printJson(r));
        ctx.out(`Completed questionnaire #${r.number}.\n`);
        ctx.out(scoreLines(r.score, draft.currentRating));
        if (r.score.suggestedRating !== draft.currentRating)
          ctx.note(
            `The vendor's recorded risk rating stays ${draft.currentRating ?? "unset"}; change it with the API or the web if you agree.`,
          );
      }),
    );
}
