import type { Command } from "commander";
import {
  CreateVendorInput,
  describeIssues,
  Uuid,
  VendorListQuery,
  vendorRiskRatings,
  type VendorSummaryView,
  type VendorView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { keyValues, printJson, table, type Column } from "../../output/format";
import { registerVendorQuestionnaireCommands } from "./questionnaire";

const collect = (v: string, prev: string[]) => [...prev, v];

const columns: Column<VendorSummaryView>[] = [
  { header: "ID", value: (v) => v.id },
  { header: "NAME", value: (v) => v.name, max: 40 },
  { header: "RISK", value: (v) => v.riskRating ?? "" },
  { header: "REVIEW", value: (v) => (v.reviewDate ? `${v.reviewDate}${v.reviewDue ? " (due)" : ""}` : "") },
  { header: "SUPPLIES", value: (v) => v.supplies, max: 40 },
];

function details(v: VendorView): string {
  return keyValues([
    ["ID", v.id],
    ["Name", v.name],
    ["Supplies", v.supplies],
    ["Contact", v.contact],
    [
      "Contract",
      [v.contractReference, [v.contractStart, v.contractEnd].filter(Boolean).join(" – ")]
        .filter(Boolean)
        .join(", "),
    ],
    ["Review", v.reviewDate ? `${v.reviewDate}${v.reviewDue ? " (due)" : ""}` : ""],
    ["Risk rating", v.riskRating ?? ""],
    [
      "Responsibilities",
      v.responsibilities.map((r) => `${r.topic}: ${r.party}${r.notes ? ` (${r.notes})` : ""}`).join("\n"),
    ],
    ["Customer obligations", v.customerObligations],
    ["Supplies (records)", v.links.map((l) => `${l.type}: ${l.label}`).join("\n")],
    ["Archived", v.archivedAt ?? "no"],
    ["Version", String(v.version)],
  ]);
}

export function registerVendorsCommands(program: Command, ctx: CommandContext) {
  const vendors = program
    .command("vendors")
    .summary("vendors and third parties (A.10): list, show, create, questionnaire")
    .description(
      "Who supplies the organization's AI systems, models and data, on what terms, and who is responsible for what.",
    );

  vendors
    .command("list")
    .alias("ls")
    .summary("list vendors")
    .option("--q <text>", "search name, supplies and contract reference")
    .option("--risk <rating>", `risk rating: ${vendorRiskRatings.join(", ")}`)
    .option("--all", "follow cursors and print every matching vendor")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .action(
      ctx.action(async (opts: Record<string, string | boolean | undefined>, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({ q: opts.q, riskRating: opts.risk, limit: opts.all ? "200" : undefined }).filter(
            ([, v]) => v !== undefined,
          ),
        ) as Record<string, string>;
        const parsed = VendorListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({
              path: i.path === "riskRating" ? "--risk" : `--${i.path}`,
              message: i.message,
            })),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<VendorSummaryView>(session, "/vendors", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No vendors match.\n");
        ctx.out(table(page.items, columns));
        if (page.nextCursor) ctx.note(`More: add --all.`);
      }),
    );

  vendors
    .command("show")
    .summary("show one vendor")
    .argument("<id>", "the vendor's id")
    .option("--json", "print the raw JSON (VendorView)")
    .action(
      ctx.action(async (id: string, opts: { json?: boolean }, ...rest: unknown[]) => {
        if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a vendor id (a UUID).`);
        const session = await ctx.session(commandOf(rest));
        const v = await session.client.json<VendorView>("GET", await session.orgPath(`/vendors/${id}`));
        ctx.out(opts.json ? printJson(v) : details(v));
      }),
    );

  vendors
    .command("create")
    .summary("record a vendor")
    .requiredOption("--name <name>", "the vendor's name")
    .option("--supplies <text>", "what it supplies")
    .option("--contract <ref>", "contract reference")
    .option("--review <date>", "next review date (YYYY-MM-DD)")
    .option("--risk <rating>", `risk rating: ${vendorRiskRatings.join(", ")}`)
    .option("--system <id>", "an AI system it supplies (repeatable)", collect, [])
    .option("--model <id>", "a model it supplies (repeatable)", collect, [])
    .option("--dataset <id>", "a dataset it supplies (repeatable)", collect, [])
    .option("--json", "print the created vendor as JSON")
    .action(
      ctx.action(
        async (opts: Record<string, string | string[] | boolean | undefined>, ...rest: unknown[]) => {
          const candidate: Record<string, unknown> = {
            name: opts.name,
            ...(opts.supplies !== undefined && { supplies: opts.supplies }),
            ...(opts.contract !== undefined && { contractReference: opts.contract }),
            ...(opts.review !== undefined && { reviewDate: opts.review }),
            ...(opts.risk !== undefined && { riskRating: opts.risk }),
            links: [
              ...(opts.system as string[]).map((id) => ({ type: "ai_system", id })),
              ...(opts.model as string[]).map((id) => ({ type: "ai_model", id })),
              ...(opts.dataset as string[]).map((id) => ({ type: "dataset", id })),
            ],
          };
          const flags: Record<string, string> = {
            reviewDate: "--review",
            riskRating: "--risk",
            contractReference: "--contract",
          };
          const parsed = CreateVendorInput.safeParse(candidate);
          if (!parsed.success)
            throw usageError(
              "Invalid vendor.",
              describeIssues(parsed.error).map((i) => ({
                path: flags[i.path] ?? i.path,
                message: i.message,
              })),
            );
          const session = await ctx.session(commandOf(rest));
          const v = await session.client.json<VendorView>("POST", await session.orgPath("/vendors"), {
            json: candidate,
          });
          if (opts.json) return ctx.out(printJson(v));
          ctx.out(`Recorded vendor "${v.name}" (${v.id}).\n`);
        },
      ),
    );

  registerVendorQuestionnaireCommands(vendors, ctx);
}
