import type { Command } from "commander";
import type { SystemClassificationDetail, SystemObligationList } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson, table } from "../../output/format";
import { readAnswers } from "../classify/classify";
import { classificationText } from "../classify/present";
import { checkId } from "./present";

/** `aims systems classify ID --answers F`: classify on the server and store the result as the system's next version. */
export function registerSystemClassify(systems: Command, ctx: CommandContext) {
  systems
    .command("classify")
    .summary(
      "classify one AI system under the EU AI Act and store the result (new version, obligations synced)",
    )
    .argument("<id>", "the AI system's id")
    .requiredOption(
      "--answers <file>",
      "the answers JSON file, as for `aims classify` ('-' reads standard input)",
    )
    .option("--json", "print the stored classification with its history as JSON")
    .addHelpText("after", "\nExample:\n  aims systems classify 3f1c… --answers answers.json")
    .action(
      ctx.action(async (id: string, opts: { answers: string; json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const raw = await readAnswers(ctx, opts.answers);
        let answers: unknown;
        try {
          answers = JSON.parse(raw);
        } catch {
          throw usageError(`${opts.answers} is not valid JSON.`);
        }
        const path = await session.orgPath(`/ai-systems/${checkId(id)}/classification`);
        const detail = await session.client.json<SystemClassificationDetail>("PUT", path, { json: answers });
        if (opts.json) return ctx.out(printJson(detail));
        const current = detail.current!;
        ctx.out(
          `Classification ${current.number} (rule data ${current.ruleDataId}, ${current.createdAt})\n\n` +
            classificationText(current.result),
        );
      }),
    );
}

/** `aims systems obligations ID`: the obligations tracked for one system, by the date they apply from. */
export function registerSystemObligations(systems: Command, ctx: CommandContext) {
  systems
    .command("obligations")
    .summary("list the EU AI Act obligations tracked for one AI system")
    .argument("<id>", "the AI system's id")
    .option("--json", "print the raw JSON (SystemObligationList)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/ai-systems/${checkId(id)}/obligations`);
        const list = await session.client.json<SystemObligationList>("GET", path);
        if (opts.json) return ctx.out(printJson(list));
        if (list.items.length === 0)
          return ctx.out("No obligations: the system is not classified yet (aims systems classify).\n");
        ctx.out(
          table(list.items, [
            { header: "APPLIES FROM", value: (o) => o.appliesFrom },
            { header: "DUE", value: (o) => o.dueDate },
            { header: "ARTICLE", value: (o) => o.article, max: 24 },
            { header: "ROLE", value: (o) => o.role },
            { header: "STATUS", value: (o) => (o.applicable ? o.status : "not_applicable (retired)") },
            { header: "OWNER", value: (o) => o.ownerName ?? "-", max: 24 },
            { header: "TITLE", value: (o) => o.title, max: 60 },
          ]),
        );
      }),
    );
}
