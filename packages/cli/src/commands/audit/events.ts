import type { Command } from "commander";
import { AuditEventQuery, describeIssues, type AuditEventView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";
import { printJson, table } from "../../output/format";
import { fetchPages } from "../../http/pages";
import { auditEventColumns } from "../systems/present";

interface EventsOptions {
  entityType?: string;
  entityId?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}
const flagOf: Record<string, string> = {
  entityType: "--entity-type",
  entityId: "--entity-id",
  actorId: "--actor",
  type: "--type",
  from: "--from",
  to: "--to",
  limit: "--limit",
  cursor: "--cursor",
};

export function registerEvents(audit: Command, ctx: CommandContext) {
  audit
    .command("events")
    .summary("list audit events, newest first")
    .option("--entity-type <type>", "e.g. ai_system, member, organization")
    .option("--entity-id <id>", "the record's id")
    .option("--actor <userId>", "events by this user")
    .option("--type <eventType>", "e.g. ai_system.updated")
    .option("--from <datetime>", "at or after this ISO 8601 date-time")
    .option("--to <datetime>", "before this ISO 8601 date-time")
    .option("--limit <n>", "page size, 1–200 (default 50)")
    .option("--cursor <cursor>", "continue after a previous page")
    .option("--all", "follow cursors and print every matching event")
    .option("--json", "print the raw JSON page of AuditEventView")
    .addHelpText("after", "\nExample:\n  aims audit events --entity-type ai_system --limit 20")
    .action(
      ctx.action(async (opts: EventsOptions, ...rest: unknown[]) => {
        const candidate = {
          entityType: opts.entityType,
          entityId: opts.entityId,
          actorId: opts.actor,
          type: opts.type,
          from: opts.from,
          to: opts.to,
          limit: opts.limit ?? (opts.all ? "200" : undefined),
          cursor: opts.cursor,
        };
        const parsed = AuditEventQuery.safeParse(
          Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
        );
        if (!parsed.success) {
          const issues = describeIssues(parsed.error).map((i) => ({
            path: flagOf[i.path] ?? i.path,
            message: i.message,
          }));
          throw new CliError(ExitCode.usage, "Invalid filter.", issues);
        }
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<AuditEventView>(
          session,
          "/audit-events",
          { ...parsed.data },
          !!opts.all,
        );
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No audit events match.\n");
        ctx.out(table(page.items, auditEventColumns));
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
