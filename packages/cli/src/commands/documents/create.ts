import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import {
  CreateDocumentFromTemplateInput,
  CreateDocumentInput,
  describeIssues,
  documentKinds,
  type DocumentTemplateList,
  type DocumentView,
  type LinkTarget,
} from "@openaims/core";
import type { z } from "zod";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import type { Io } from "../../io";
import { documentDetails, templateTable } from "./present";

const collect = (value: string, previous: string[]) => [...previous, value];

/** The schema's field names → the flags a user typed, so errors name the flag. */
const flagOf: Record<string, string> = {
  title: "--title",
  kind: "--kind",
  ownerId: "--owner",
  reviewIntervalMonths: "--review-months",
  body: "--body-file",
  changeSummary: "--summary",
  links: "--link/--system",
  templateKey: "<key>",
};

function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new CliError(
    ExitCode.usage,
    "The document is not valid; nothing was sent.",
    describeIssues(parsed.error).map((i) => {
      const [head = "", ...restPath] = i.path.split(".");
      return { path: [flagOf[head] ?? head, ...restPath].join("."), message: i.message };
    }),
  );
}

async function readBody(path: string, io: Io): Promise<string> {
  if (path === "-") {
    if (!io.readStdin) throw usageError("Cannot read standard input here; give a file.");
    return io.readStdin();
  }
  try {
    return await readFile(resolve(io.cwd, path), "utf8");
  } catch (e) {
    throw usageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

interface CreateOptions {
  title?: string;
  kind?: string;
  owner?: string;
  reviewMonths?: string;
  bodyFile?: string;
  summary?: string;
  link: string[];
  system: string[];
  json?: boolean;
}

export function registerCreate(documents: Command, ctx: CommandContext) {
  documents
    .command("create")
    .summary("create a document (version 1 as a draft)")
    .option("--title <title>", "the title (required)")
    .option("--kind <kind>", `kind (required): ${documentKinds.join(", ")}`)
    .option("--owner <userId>", "owner's user id (default: you)")
    .option("--review-months <n>", "review interval in months, 1–60 (default 12)")
    .option("--body-file <path>", "the Markdown text of the draft ('-' reads stdin)")
    .option("--summary <text>", "change summary of version 1")
    .option("--link <node>", "link a framework node, e.g. 5.2 or A.2.2 (repeatable)", collect, [])
    .option("--system <id>", "link an AI system by id (repeatable)", collect, [])
    .option("--json", "print the created document as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims documents create --title 'Data retention' --kind procedure --body-file retention.md --link 7.5.3",
    )
    .action(
      ctx.action(async (opts: CreateOptions, ...rest: unknown[]) => {
        const links: LinkTarget[] = [
          ...opts.link.map((id) => ({ type: "framework_node" as const, id })),
          ...opts.system.map((id) => ({ type: "ai_system" as const, id })),
        ];
        const candidate: Record<string, unknown> = { title: opts.title, kind: opts.kind, links };
        if (opts.owner !== undefined) candidate.ownerId = opts.owner;
        if (opts.reviewMonths !== undefined) candidate.reviewIntervalMonths = Number(opts.reviewMonths);
        if (opts.summary !== undefined) candidate.changeSummary = opts.summary;
        if (opts.bodyFile !== undefined) candidate.body = await readBody(opts.bodyFile, ctx.io);
        const input = validate(CreateDocumentInput, candidate);
        const session = await ctx.session(commandOf(rest));
        const doc = await session.client.json<DocumentView>("POST", await session.orgPath("/documents"), {
          json: input,
        });
        if (opts.json) return ctx.out(printJson(doc));
        ctx.out(`Created document ${doc.id} (draft, version 1).\n${documentDetails(doc)}`);
      }),
    );
}

export function registerTemplates(documents: Command, ctx: CommandContext) {
  documents
    .command("templates")
    .summary("list the starter templates")
    .option("--json", "print the templates as JSON (with their text)")
    .action(
      ctx.action(async (opts: { json?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const res = await session.client.json<DocumentTemplateList>(
          "GET",
          await session.orgPath("/document-templates"),
        );
        ctx.out(opts.json ? printJson(res) : templateTable(res.items));
      }),
    );
}

export function registerFromTemplate(documents: Command, ctx: CommandContext) {
  documents
    .command("from-template")
    .summary("create a draft document from a starter template")
    .argument("<key>", "the template's key (see 'aims documents templates'), e.g. ai_policy")
    .option("--title <title>", "a title other than the template's")
    .option("--owner <userId>", "owner's user id (default: you)")
    .option("--json", "print the created document as JSON")
    .action(
      ctx.action(
        async (key: string, opts: { title?: string; owner?: string; json?: boolean }, ...rest: unknown[]) => {
          const candidate: Record<string, unknown> = { templateKey: key };
          if (opts.title !== undefined) candidate.title = opts.title;
          if (opts.owner !== undefined) candidate.ownerId = opts.owner;
          const input = validate(CreateDocumentFromTemplateInput, candidate);
          const session = await ctx.session(commandOf(rest));
          const doc = await session.client.json<DocumentView>(
            "POST",
            await session.orgPath("/documents/from-template"),
            { json: input },
          );
          if (opts.json) return ctx.out(printJson(doc));
          ctx.out(
            `Created document ${doc.id} from template ${key} (draft, version 1).\n${documentDetails(doc)}`,
          );
        },
      ),
    );
}
