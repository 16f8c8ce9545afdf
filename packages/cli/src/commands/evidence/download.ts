import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import type { EvidenceDetailView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { checkEvidenceId, formatBytes } from "./present";

export function registerDownload(evidence: Command, ctx: CommandContext) {
  evidence
    .command("download")
    .summary("download the file of an evidence item (checked against its SHA-256)")
    .argument("<id>", "the evidence item's id")
    .option("--out <path>", "where to write it (default: its file name, in the current directory)")
    .option("--force", "overwrite an existing file")
    .addHelpText("after", "\nExample:\n  aims evidence download 3b1f…9a --out report.pdf")
    .action(
      ctx.action(async (id: string, opts: { out?: string; force?: boolean }, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/evidence/${checkEvidenceId(id)}`);
        const item = await session.client.json<EvidenceDetailView>("GET", path);
        if (!item.file)
          throw new CliError(ExitCode.conflict, `Evidence ${id} is a link (${item.url}); it has no file.`);
        // the stored name is the client's; only its last segment is used, never a path
        const out = resolve(
          ctx.io.cwd,
          opts.out ?? (basename(item.file.filename ?? "") || `evidence-${item.id}`),
        );
        if (!opts.force && (await stat(out).catch(() => null)))
          throw usageError(`${out} exists; use --force to overwrite it or --out to choose another name.`);
        const res = await session.client.response("GET", `${path}/content`);
        const hash = createHash("sha256");
        const partial = `${out}.part`;
        try {
          await pipeline(
            Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
            async function* (chunks: AsyncIterable<Buffer>) {
              for await (const chunk of chunks) {
                hash.update(chunk);
                yield chunk;
              }
            },
            createWriteStream(partial, { mode: 0o600 }),
          );
          const got = hash.digest("hex");
          if (got !== item.file.sha256)
            throw new CliError(
              ExitCode.failure,
              `The download does not match its SHA-256 (got ${got}); nothing was kept.`,
            );
          await rename(partial, out);
        } catch (e) {
          await rm(partial, { force: true });
          throw e;
        }
        ctx.note(`Wrote ${out} (${formatBytes(item.file.size)}, SHA-256 ${item.file.sha256} verified).`);
      }),
    );
}
