import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { CreateEvidenceLinkInput, UploadEvidenceQuery, type EvidenceDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { cliHeaders, collect, evidenceDetails, formatBytes, linkArg, validateEvidence } from "./present";

interface AddOptions {
  file?: string;
  url?: string;
  title?: string;
  description?: string;
  link: string[];
  system: string[];
  document: string[];
  control: string[];
  obligation: string[];
  validUntil?: string;
  collectedAt?: string;
  json?: boolean;
}

const flags = {
  title: "--title",
  description: "--description",
  filename: "--file",
  url: "--url",
  validUntil: "--valid-until",
  collectedAt: "--collected-at",
  link: "--link",
  links: "--link",
};

export function registerAdd(evidence: Command, ctx: CommandContext) {
  evidence
    .command("add")
    .summary("add a file or a link as evidence")
    .description(
      "Uploads a file (--file) or records a link (--url) as evidence, linked to framework nodes and records.\n" +
        "The server sniffs the file's type from its content and refuses files over its limit (default 25 MiB).",
    )
    .option("--file <path>", "the file to upload")
    .option("--url <url>", "an http(s) link instead of a file")
    .option("--title <text>", "title (default: the file name)")
    .option("--description <text>", "description")
    .option(
      "--link <node>",
      "a framework node it demonstrates, e.g. A.6.2.4 (repeatable; or type:id)",
      collect,
      [],
    )
    .option("--system <id>", "an AI system it concerns (repeatable)", collect, [])
    .option("--document <id>", "a document it relates to (repeatable)", collect, [])
    .option("--control <id>", "an applied control it demonstrates (repeatable)", collect, [])
    .option(
      "--obligation <id>",
      "an EU AI Act obligation it shows is met: the row id from `aims systems obligations` (repeatable)",
      collect,
      [],
    )
    .option("--valid-until <date>", "YYYY-MM-DD; after it the evidence shows as stale")
    .option("--collected-at <date>", "when it was collected: YYYY-MM-DD or an ISO date-time (default: now)")
    .option("--json", "print the created item as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  aims evidence add --file eval-report.pdf --link A.6.2.4 --system 5f0c…e1 --valid-until 2027-06-30\n" +
        "  aims evidence add --url https://ci.example/runs/812 --title 'Bias test run 812' --link A.7.4 --json",
    )
    .action(
      ctx.action(async (opts: AddOptions, ...rest: unknown[]) => {
        if (!!opts.file === !!opts.url) throw usageError("Give exactly one of --file or --url.");
        const links = [
          ...opts.link.map(linkArg),
          ...opts.system.map((id) => `ai_system:${id}`),
          ...opts.document.map((id) => `document:${id}`),
          ...opts.control.map((id) => `applied_control:${id}`),
          ...opts.obligation.map((id) => `obligation:${id}`),
        ];
        const common = {
          ...(opts.title !== undefined ? { title: opts.title } : {}),
          ...(opts.description !== undefined ? { description: opts.description } : {}),
          ...(opts.collectedAt !== undefined ? { collectedAt: opts.collectedAt } : {}),
        };
        let item: EvidenceDetailView;
        if (opts.url) {
          const input = validateEvidence(
            CreateEvidenceLinkInput,
            {
              kind: "link",
              url: opts.url,
              ...common,
              title: opts.title ?? opts.url,
              validUntil: opts.validUntil ?? null,
              links: links.map((l) => {
                const at = l.indexOf(":");
                return { type: l.slice(0, at), id: l.slice(at + 1) };
              }),
            },
            flags,
          );
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath("/evidence");
          item = await session.client.json<EvidenceDetailView>("POST", path, {
            json: input,
            headers: cliHeaders,
          });
        } else {
          const file = resolve(ctx.io.cwd, opts.file!);
          const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
            throw usageError(`Cannot read ${opts.file}: ${e.code ?? e.message}`);
          });
          if (!info.isFile()) throw usageError(`${opts.file} is not a file.`);
          const metadata = {
            ...common,
            filename: basename(file),
            ...(opts.validUntil !== undefined ? { validUntil: opts.validUntil } : {}),
            ...(links.length > 0 ? { link: links } : {}),
          };
          validateEvidence(UploadEvidenceQuery, metadata, flags);
          const query = new URLSearchParams();
          for (const [k, v] of Object.entries(metadata))
            for (const x of Array.isArray(v) ? v : [v]) query.append(k, String(x));
          const session = await ctx.session(commandOf(rest));
          const path = `${await session.orgPath("/evidence/upload")}?${query}`;
          // a Blob over the file streams it from disk and lets fetch send its Content-Length
          const body = await openAsBlob(file);
          ctx.note(`Uploading ${basename(file)} (${formatBytes(info.size)})…`);
          item = await session.client.json<EvidenceDetailView>("POST", path, {
            body,
            contentType: "application/octet-stream",
            headers: cliHeaders,
          });
        }
        if (opts.json) return ctx.out(printJson(item));
        ctx.out(`Added evidence ${item.id}.\n${evidenceDetails(item)}`);
      }),
    );
}
