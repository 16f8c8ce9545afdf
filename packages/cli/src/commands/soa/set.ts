import { Option, type Command } from "commander";
import {
  implementationStatuses,
  UpdateSoaEntryInput,
  describeIssues,
  type SoaEntryView,
  type SoaView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { keyValues, printJson } from "../../output/format";
import { applicableText } from "./present";

interface SetOptions {
  applicable?: "yes" | "no" | "undecided";
  justification?: string;
  status?: string;
  owner?: string;
  notes?: string;
  controls?: string;
  version?: string;
  json?: boolean;
}

const flagOf: Record<string, string> = {
  applicable: "--applicable",
  justification: "--justification",
  implementationStatus: "--status",
  ownerId: "--owner",
  notes: "--notes",
  appliedControlIds: "--controls",
  version: "--version",
};

export function registerSet(soa: Command, ctx: CommandContext) {
  soa
    .command("set")
    .summary("decide one SoA entry: applicability, justification, status, owner")
    .description(
      "Changes only what is given. A decided control (yes or no) needs a justification; 'no' sets the status to\n" +
        "not_applicable. Without --version the entry's current version is read first.",
    )
    .argument("<control>", "an Annex A id such as A.2.2, or an additional control's id")
    .addOption(
      new Option("--applicable <answer>", "yes, no or undecided").choices(["yes", "no", "undecided"]),
    )
    .option("--justification <text>", "why the control applies or does not")
    .addOption(new Option("--status <status>", "implementation status").choices([...implementationStatuses]))
    .option("--owner <userId>", "the owner's user id, or 'none'")
    .option("--notes <text>", "notes")
    .option("--controls <ids>", "applied control ids implementing it, comma-separated ('' for none)")
    .option("--version <n>", "the entry version you last read (optimistic locking; 0 for an untouched entry)")
    .option("--json", "print the updated entry as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims soa set A.2.2 --applicable yes --justification 'We develop AI systems' --status implemented\n" +
        "  aims soa set A.10.4 --applicable no --justification 'We have no customers using our AI'",
    )
    .action(
      ctx.action(async (control: string, opts: SetOptions, ...rest: unknown[]) => {
        const input: Record<string, unknown> = {};
        if (opts.applicable)
          input.applicable = opts.applicable === "undecided" ? null : opts.applicable === "yes";
        if (opts.justification !== undefined) input.justification = opts.justification;
        if (opts.status) input.implementationStatus = opts.status;
        if (opts.owner !== undefined) input.ownerId = opts.owner === "none" ? null : opts.owner;
        if (opts.notes !== undefined) input.notes = opts.notes;
        if (opts.controls !== undefined)
          input.appliedControlIds = opts.controls
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
        if (Object.keys(input).length === 0) throw usageError("Nothing to set: give at least one option.");
        let version: number | undefined;
        if (opts.version !== undefined) {
          version = Number(opts.version);
          if (!Number.isInteger(version) || version < 0)
            throw usageError(`--version must be a whole number ≥ 0, got '${opts.version}'.`);
        }
        const check = (v: number) => {
          const parsed = UpdateSoaEntryInput.safeParse({ ...input, version: v });
          if (parsed.success) return parsed.data;
          const issues = describeIssues(parsed.error).map((i) => ({
            ...i,
            path: flagOf[i.path.split(".")[0]!] ?? i.path,
          }));
          throw usageError("The SoA entry is not valid; nothing was sent.", issues);
        };
        check(version ?? 0);
        const session = await ctx.session(commandOf(rest));
        if (version === undefined) {
          const soa = await session.client.json<SoaView>("GET", await session.orgPath("/soa"));
          const found = soa.entries.find((e) => e.controlId === control);
          version = found?.version ?? 0;
        }
        const entry = await session.client.json<SoaEntryView>(
          "PATCH",
          await session.orgPath(`/soa/entries/${encodeURIComponent(control)}`),
          { json: check(version) },
        );
        if (opts.json) return ctx.out(printJson(entry));
        ctx.out(
          `Updated ${entry.controlId} ${entry.title}; now version ${entry.version}.\n` +
            keyValues([
              ["Applicable", applicableText(entry.applicable)],
              ["Justification", entry.justification],
              ["Status", entry.implementationStatus],
              ["Owner", entry.ownerName ?? ""],
              ["Applied controls", entry.appliedControls.map((c) => c.label).join(", ")],
              ["Evidence", String(entry.evidence.length)],
            ]),
        );
      }),
    );
}
