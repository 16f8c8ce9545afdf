import type { Command } from "commander";
import type { SoaDiff, SoaVersionPage, SoaVersionSummary, SoaVersionView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { diffText, summaryLine, versionsTable } from "./present";

export function registerVersions(soa: Command, ctx: CommandContext) {
  const versions = soa
    .command("versions")
    .summary("frozen SoA versions: list, create, approve, reject, diff")
    .description(
      "A version freezes the SoA for review; someone other than its creator approves it (four-eyes).",
    );

  versions
    .command("list")
    .summary("list versions, newest first")
    .option("--json", "print the raw JSON (SoaVersionPage)")
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const page = await session.client.json<SoaVersionPage>(
          "GET",
          await session.orgPath("/soa/versions"),
          {
            query: { limit: "200" },
          },
        );
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No SoA versions yet.\n");
        ctx.out(versionsTable(page.items));
      }),
    );

  versions
    .command("create")
    .summary("freeze the working state into a new version, in review")
    .option("--note <text>", "what this version is for")
    .option("--json", "print the created version as JSON")
    .action(
      ctx.action(async (opts: { note?: string; json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const v = await session.client.json<SoaVersionView>("POST", await session.orgPath("/soa/versions"), {
          json: opts.note ? { note: opts.note } : {},
        });
        if (opts.json) return ctx.out(printJson(v));
        ctx.out(`Created SoA version ${v.number} (in review). ${summaryLine(v.summary)}\n`);
      }),
    );

  for (const verb of ["approve", "reject"] as const)
    versions
      .command(verb)
      .summary(
        verb === "approve" ? "approve a version in review (not your own)" : "reject a version in review",
      )
      .argument("<n>", "the version number")
      .option("--note <text>", "a note for the record")
      .option("--json", "print the version as JSON")
      .action(
        ctx.action(async (n: string, opts: { note?: string; json?: boolean }, ...rest: unknown[]) => {
          const number = parseVersion(n);
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath(`/soa/versions/${number}`);
          const current = await session.client.json<SoaVersionView>("GET", path);
          const v = await session.client.json<SoaVersionSummary>("POST", `${path}/${verb}`, {
            json: { version: current.version, ...(opts.note ? { note: opts.note } : {}) },
          });
          if (opts.json) return ctx.out(printJson(v));
          ctx.out(`SoA version ${v.number} is now ${v.status}.\n`);
        }),
      );

  versions
    .command("diff")
    .summary("what changed between two versions")
    .argument("<n>", "the newer version")
    .option("--against <m>", "the version to compare with (default: n - 1)")
    .option("--json", "print the raw JSON (SoaDiff)")
    .action(
      ctx.action(async (n: string, opts: { against?: string; json?: boolean }, ...rest: unknown[]) => {
        const number = parseVersion(n);
        const against =
          opts.against !== undefined ? parseVersion(opts.against) : parseVersion(String(number - 1));
        const session = await ctx.session(commandOf(rest));
        const d = await session.client.json<SoaDiff>(
          "GET",
          await session.orgPath(`/soa/versions/${number}/diff`),
          {
            query: { against: String(against) },
          },
        );
        ctx.out(opts.json ? printJson(d) : diffText(d));
      }),
    );
}
