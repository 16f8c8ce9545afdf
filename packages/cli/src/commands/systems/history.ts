import type { Command } from "commander";
import type { AuditEventView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson, table } from "../../output/format";
import { fetchPages } from "../../http/pages";
import { checkId, eventColumns } from "./present";

export function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw usageError(`--limit must be a whole number from 1 to 200, got '${raw}'.`);
  return n;
}

export function registerHistory(systems: Command, ctx: CommandContext) {
  systems
    .command("history")
    .summary("show the audit events of one AI system, newest first")
    .argument("<id>", "the AI system's id")
    .option("--limit <n>", "page size, 1–200")
    .option("--cursor <cursor>", "continue after a previous page")
    .option("--all", "follow cursors and print every event")
    .option("--json", "print the raw JSON page of audit events")
    .action(
      ctx.action(
        async (
          id: string,
          opts: { limit?: string; cursor?: string; all?: boolean; json?: boolean },
          ...rest: unknown[]
        ) => {
          checkId(id);
          const session = await ctx.session(commandOf(rest));
          const limit = parseLimit(opts.limit) ?? (opts.all ? 200 : undefined);
          const page = await fetchPages<AuditEventView>(
            session,
            `/ai-systems/${id}/history`,
            { limit, cursor: opts.cursor },
            !!opts.all,
          );
          if (opts.json) return ctx.out(printJson(page));
          if (page.items.length === 0) return ctx.out("No events.\n");
          ctx.out(table(page.items, eventColumns));
          if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
        },
      ),
    );
}
