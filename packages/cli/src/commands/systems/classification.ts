import type { Command } from "commander";
import type { OrgObligationList, SystemClassificationDetail, SystemObligationList } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson, table, type Column } from "../../output/format";
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

type ObligationRow = SystemObligationList["items"][number] & { aiSystemName?: string };

const obligationColumns = (withSystem: boolean): Column<ObligationRow>[] => [
  { header: "APPLIES FROM", value: (o) => o.appliesFrom },
  { header: "DUE", value: (o) => o.dueDate },
  ...(withSystem ? [{ header: "SYSTEM", value: (o: ObligationRow) => o.aiSystemName ?? "-", max: 30 }] : []),
  { header: "ARTICLE", value: (o) => o.article, max: 24 },
  { header: "ROLE", value: (o) => o.role },
  {
    header: "STATUS",
    value: (o) =>
      o.applicable ? `${o.status}${o.overdue ? " (overdue!)" : ""}` : "not_applicable (retired)",
  },
  { header: "OWNER", value: (o) => o.ownerName ?? "-", max: 24 },
  { header: "TITLE", value: (o) => o.title, max: 60 },
  { header: "ID", value: (o) => o.id },
  { header: "LINKED", value: (o) => o.links.map((l) => `${l.type}: ${l.label}`).join("; ") || "-", max: 60 },
];

interface ObligationOptions {
  json?: boolean;
  status?: string;
  before?: string;
  overdue?: boolean;
}

/**
 * `aims systems obligations [ID]`: the obligations tracked for one system, or (no id, or with filters) across the
 * organization's live systems, by the date they apply from, with the evidence and documents linked to each.
 */
export function registerSystemObligations(systems: Command, ctx: CommandContext) {
  systems
    .command("obligations")
    .summary("list the EU AI Act obligations tracked for one AI system, or for all of them")
    .argument("[id]", "the AI system's id (default: every live system of the organization)")
    .option("--status <status>", "only this status: open, in_progress, met, not_applicable")
    .option("--before <date>", "only obligations that apply from before this day (YYYY-MM-DD)")
    .option("--overdue", "only open or in-progress obligations past their due date")
    .option("--json", "print the raw JSON (SystemObligationList, or OrgObligationList across systems)")
    .addHelpText(
      "after",
      "\nExamples:\n  aims systems obligations 3f1c…\n  aims systems obligations --overdue\n" +
        "  aims systems obligations --before 2027-12-02 --status open --json",
    )
    .action(
      ctx.action(async (id: string | undefined, opts: ObligationOptions, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const filtered = opts.status !== undefined || opts.before !== undefined || opts.overdue;
        if (id !== undefined && !filtered) {
          const path = await session.orgPath(`/ai-systems/${checkId(id)}/obligations`);
          const list = await session.client.json<SystemObligationList>("GET", path);
          if (opts.json) return ctx.out(printJson(list));
          if (list.items.length === 0)
            return ctx.out("No obligations: the system is not classified yet (aims systems classify).\n");
          return ctx.out(table(list.items, obligationColumns(false)));
        }
        const query = new URLSearchParams();
        if (id !== undefined) query.set("systemId", checkId(id));
        if (opts.status !== undefined) query.set("status", opts.status);
        if (opts.before !== undefined) query.set("appliesBefore", opts.before);
        if (opts.overdue) query.set("overdue", "true");
        const path = `${await session.orgPath("/obligations")}?${query}`;
        const list = await session.client.json<OrgObligationList>("GET", path);
        if (opts.json) return ctx.out(printJson(list));
        const c = list.counts;
        const summary =
          `${c.total} obligation(s): ${c.pending} open or in progress, ${c.overdue} overdue, ${c.met} met` +
          (list.truncated ? ` (first ${list.items.length} shown)` : "") +
          "\n";
        if (list.items.length === 0) return ctx.out(summary);
        ctx.out(table(list.items, obligationColumns(true)) + "\n" + summary);
      }),
    );
}
