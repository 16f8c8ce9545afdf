import type { Command } from "commander";
import {
  describeIssues,
  ImpactAssessmentListQuery,
  impactAssessmentStatuses,
  type ImpactAssessmentSummaryView,
  type ImpactAssessmentView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { assessmentDetails, assessmentTable, checkAssessmentId } from "./present";
import { registerAssessmentActions } from "./actions";
import { registerAssessmentWrites } from "./write";

interface ListOptions {
  system?: string;
  status?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerImpactAssessmentsCommands(program: Command, ctx: CommandContext) {
  const ia = program
    .command("impact-assessments")
    .alias("ia")
    .summary(
      "impact assessments of AI systems (6.1.4, 8.4, A.5; EU AI Act FRIA): list, show, create, sign off",
    )
    .description(
      "Impact assessments of AI systems on individuals, groups and society, with the FRIA variant of EU AI Act " +
        "Art. 27. Content comes from a YAML or JSON file (--file).",
    );

  ia.command("list")
    .alias("ls")
    .summary("list impact assessments")
    .option("--system <id>", "only the assessments of this AI system")
    .option("--status <status>", `one of: ${impactAssessmentStatuses.join(", ")}`)
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every match")
    .option("--json", "print the raw JSON page")
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            systemId: opts.system,
            status: opts.status,
            limit: opts.limit ?? (opts.all ? "200" : undefined),
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const parsed = ImpactAssessmentListQuery.safeParse(candidate);
        const flags: Record<string, string> = { systemId: "--system", status: "--status", limit: "--limit" };
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({ path: flags[i.path] ?? i.path, message: i.message })),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<ImpactAssessmentSummaryView>(
          session,
          "/impact-assessments",
          candidate,
          !!opts.all,
        );
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No impact assessments match.\n");
        ctx.out(assessmentTable(page.items));
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );

  ia.command("show")
    .summary("show one impact assessment: harms with ratings, gaps, warnings, versions, notifications")
    .argument("<id>", "the assessment's id")
    .option("--json", "print the raw JSON (with the full content)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const a = await session.client.json<ImpactAssessmentView>(
          "GET",
          await session.orgPath(`/impact-assessments/${checkAssessmentId(id)}`),
        );
        ctx.out(opts.json ? printJson(a) : assessmentDetails(a));
      }),
    );

  registerAssessmentWrites(ia, ctx);
  registerAssessmentActions(ia, ctx);
}
