import type { Command } from "commander";
import { EvidenceListQuery, evidenceFreshnessValues, type EvidenceView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { evidenceTable, validateEvidence } from "./present";

interface ListOptions {
  q?: string;
  kind?: string;
  freshness?: string;
  node?: string;
  system?: string;
  control?: string;
  document?: string;
  archived?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerList(evidence: Command, ctx: CommandContext) {
  evidence
    .command("list")
    .alias("ls")
    .summary("list evidence (newest first)")
    .option("--q <text>", "search title, description, file name and URL")
    .option("--kind <kind>", "file or link")
    .option("--freshness <f>", `${evidenceFreshnessValues.join(", ")}`)
    .option("--node <id>", "linked to this framework node, e.g. A.6.2.4")
    .option("--system <id>", "linked to this AI system")
    .option("--control <id>", "linked to this applied control")
    .option("--document <id>", "linked to this document")
    .option("--archived <which>", "false (default), true or all")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every match")
    .option("--json", "print the raw JSON page ({ items, nextCursor, total })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims evidence list --freshness stale\n  aims evidence list --node A.6.2.4 --json",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            q: opts.q,
            kind: opts.kind,
            freshness: opts.freshness,
            frameworkNode: opts.node,
            aiSystemId: opts.system,
            appliedControlId: opts.control,
            documentId: opts.document,
            archived: opts.archived,
            limit: opts.limit ?? (opts.all ? "200" : undefined),
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        );
        validateEvidence(EvidenceListQuery, candidate, {
          frameworkNode: "--node",
          aiSystemId: "--system",
          appliedControlId: "--control",
          documentId: "--document",
          q: "--q",
          kind: "--kind",
          freshness: "--freshness",
          archived: "--archived",
          limit: "--limit",
        });
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<EvidenceView>(
          session,
          "/evidence",
          candidate as Record<string, string>,
          !!opts.all,
        );
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No evidence matches.\n");
        ctx.out(evidenceTable(page.items));
        ctx.note(
          `${page.items.length}${page.total !== undefined ? ` of ${page.total}` : ""} evidence items.`,
        );
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
