import { randomUUID } from "node:crypto";
import {
  authorize,
  conflict,
  decideAddEvidence,
  DomainError,
  evidencePolicy,
  invalidInput,
  SNIFF_BYTES,
  sniffMediaType,
  UploadEvidenceQuery,
  type Actor,
  type EvidenceDetailView,
  type EvidenceSource,
  type UploadEvidenceQueryInput,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks, validateLinkTargets } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { chunksOf, lockBlob, type BlobSource } from "./blob-store";
import { checkEvidenceLinkTypes } from "./evidence-links";
import { removeBlobIfUnreferenced, type EvidenceStorage } from "./evidence-storage";
import { loadEvidenceDetail } from "./get-evidence";

export interface UploadEvidenceFile {
  /** the metadata, as the query string of `POST …/evidence/upload` */
  metadata: UploadEvidenceQueryInput;
  /** the file's bytes, streamed (an HTTP request body) or in one buffer */
  content: BlobSource | null;
  /** the Content-Length the client announced, if any: larger than the limit is refused before reading */
  declaredLength?: number | null;
  source: EvidenceSource;
}

export const tooLarge = (maxBytes: number) =>
  new DomainError(
    "payload_too_large",
    `The file is larger than the limit of ${formatBytes(maxBytes)} (OPENAIMS_EVIDENCE_MAX_BYTES); nothing was stored.`,
    { maxBytes },
  );

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * Passes the content through to the store while counting it, and sniffs its type from the first bytes before
 * any of it is stored: too large and refused types throw inside the store's read loop, so the store keeps nothing.
 */
function inspect(
  content: BlobSource,
  maxBytes: number,
  filename: string | null,
  found: { mediaType?: string },
): AsyncIterable<Uint8Array> {
  return (async function* () {
    let size = 0;
    let head: Uint8Array[] = [];
    let headBytes = 0;
    let sniffed = false;
    const sniff = () => {
      const all = Buffer.concat(head, headBytes);
      if (all.length === 0) throw invalidInput("The file is empty; there is nothing to store.");
      const result = sniffMediaType(all.subarray(0, SNIFF_BYTES), filename);
      if (result.kind === "executable")
        throw invalidInput(`The file is ${result.what}; programs are not accepted as evidence.`);
      found.mediaType = result.mediaType;
      sniffed = true;
      const out = head;
      head = [];
      return out;
    };
    for await (const chunk of chunksOf(content)) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (sniffed) {
        yield chunk;
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) yield* sniff();
    }
    if (!sniffed) yield* sniff();
  })();
}

/** Stores an uploaded file (content-addressed) and records it as evidence with its links, in one event. */
export async function uploadEvidenceFile(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  storage: EvidenceStorage,
  upload: UploadEvidenceFile,
): Promise<EvidenceDetailView> {
  authorize(actor, evidencePolicy, "create", { archivedAt: null });
  const m = parseInput(UploadEvidenceQuery, upload.metadata);
  const filename = m.filename ?? null;
  const title = m.title ?? filename;
  if (!title)
    throw invalidInput("title: give a title or a file name.", {
      issues: [{ path: "title", message: "is required when no filename is given" }],
    });
  const links = m.link ?? [];
  checkEvidenceLinkTypes(links, "link");
  // checked before any byte is read, so a typo in a link does not cost a 25 MiB upload
  await validateLinkTargets(ctx.database.db, actor.orgId, links, "link");
  if (upload.declaredLength != null && upload.declaredLength > storage.maxBytes)
    throw tooLarge(storage.maxBytes);
  if (!upload.content) throw invalidInput("The file is empty; send its bytes as application/octet-stream.");

  const found: { mediaType?: string } = {};
  const stored = await storage.store.put(inspect(upload.content, storage.maxBytes, filename, found));
  try {
    return await runCommand(ctx, actor, meta, async (tx) => {
      await lockBlob(tx, stored.sha256);
      if (!(await storage.store.has(stored.sha256, tx)))
        throw conflict("The same file was being deleted while this upload finished; send it again.");
      const id = randomUUID();
      const now = ctx.now();
      const file = {
        sha256: stored.sha256,
        size: stored.size,
        mediaType: found.mediaType ?? "application/octet-stream",
        filename,
      };
      await tx.insert(tables.evidence).values({
        id,
        orgId: actor.orgId,
        kind: "file",
        title,
        description: m.description,
        sha256: file.sha256,
        sizeBytes: file.size,
        mediaType: file.mediaType,
        filename,
        collectedAt: m.collectedAt ? new Date(m.collectedAt) : now,
        validUntil: m.validUntil ?? null,
        source: upload.source,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      const { added } = await replaceLinks(tx, actor.orgId, { type: "evidence", id }, links, actor.userId);
      const event = decideAddEvidence(id, {
        kind: "file",
        title,
        url: null,
        source: upload.source,
        validUntil: m.validUntil ?? null,
        file,
        links: added,
      });
      return { result: await loadEvidenceDetail(tx, actor, id, now), events: [event] };
    });
  } catch (e) {
    await removeBlobIfUnreferenced(ctx.database, storage.store, stored.sha256).catch(() => {});
    throw e;
  }
}
