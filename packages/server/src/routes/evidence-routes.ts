import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  CreateEvidenceLinkInput,
  downloadContentType,
  EvidenceDetailView,
  EvidenceListQuery,
  EvidencePage,
  SetEvidenceLinksInput,
  UpdateEvidenceInput,
  UploadEvidenceQuery,
  type Actor,
  type EvidenceSource,
} from "@openaims/core";
import {
  archiveEvidence,
  createEvidenceLink,
  createEvidenceStorage,
  deleteEvidence,
  getEvidence,
  listEvidence,
  openEvidenceContent,
  restoreEvidence,
  setEvidenceLinks,
  updateEvidence,
  uploadEvidenceFile,
  type EvidenceStorage,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

/** How much of a refused upload the server still reads (and discards) so the client can read the refusal. */
export const drainLimitBytes = 64 * 1024 * 1024;

const tags = ["evidence"];
const base = "/api/v1/orgs/:orgId/evidence";

/** The header the `aims` CLI sends, so evidence it adds is recorded with source `cli`. */
export const CLIENT_HEADER = "x-openaims-client";

/** How an item was added: the CLI says so; other API tokens are `api`; a signed-in person is `manual`. */
export function evidenceSourceOf(request: FastifyRequest, actor: Actor): EvidenceSource {
  if (request.headers[CLIENT_HEADER] === "cli") return "cli";
  return actor.kind === "token" ? "api" : "manual";
}

/** The query string as sent: repeated `link` parameters as a list, any other repeated one as its last value. */
function rawQuery(request: FastifyRequest): Record<string, string | string[]> {
  const params = new URL(request.raw.url ?? "/", "http://localhost").searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) out[key] = key === "link" ? params.getAll(key) : params.get(key)!;
  return out;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** Evidence: files and links that show the management system works, linked to what they demonstrate. */
export async function evidenceRoutes(app: ZodApp, { ctx, config }: ServerDeps): Promise<void> {
  let storage: EvidenceStorage | null = null;
  // created on first use, so a server that never stores evidence never creates its directory
  const store = () => (storage ??= createEvidenceStorage(ctx.database, config.evidence));

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List evidence",
        description:
          "Newest first, keyset-paged with `cursor`. `q` searches title, description, file name and URL. " +
          "`freshness`: `stale` (valid-until passed), `expiring_soon` (within 30 days), `current`. " +
          "`frameworkNode` (`A.6.2.4` or `frameworkId:nodeId`), `aiSystemId`, `appliedControlId`, `documentId`, " +
          "`soaEntryId` keep items linked to that record. `archived` defaults to `false`.",
        params: OrgParams,
        querystring: EvidenceListQuery,
        response: { 200: EvidencePage },
      },
    },
    async (request) => listEvidence(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Add a link as evidence",
        description:
          "A URL (http or https) where the proof lives, with `links` to framework nodes, SoA entries, applied " +
          "controls, AI systems or documents. Files are uploaded with `POST …/evidence/upload`.",
        params: OrgParams,
        body: CreateEvidenceLinkInput,
        response: { 201: EvidenceDetailView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      const source = evidenceSourceOf(request, actor);
      return reply
        .status(201)
        .send(await createEvidenceLink(ctx, actor, request.meta(), request.body, source));
    },
  );

  // The upload takes the raw file as its body, streamed to the store: any content type, never parsed.
  await app.register(async (scope: ZodApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    scope.post(
      `${base}/upload`,
      {
        schema: {
          tags,
          summary: "Upload a file as evidence",
          description:
            "The body is the file itself (send `Content-Type: application/octet-stream`); metadata goes in the " +
            "query: `title` (default: `filename`), `filename`, `description`, `collectedAt`, `validUntil`, and " +
            "`link=type:id`, repeated (e.g. `link=framework_node:A.6.2.4&link=ai_system:<id>`). The stored media " +
            "type is sniffed from the content; programs (Windows, ELF, Mach-O executables) are refused (400). " +
            "Larger than `OPENAIMS_EVIDENCE_MAX_BYTES` (default 25 MiB): 413 `payload_too_large`, nothing stored. " +
            "Identical content is stored once. Source: `cli` with header `X-OpenAIMS-Client: cli`, else `api` " +
            "for tokens and `manual` for signed-in sessions (which need the CSRF header).",
          consumes: ["application/octet-stream"],
          params: OrgParams,
          querystring: UploadEvidenceQuery,
          response: { 201: EvidenceDetailView },
        },
      },
      async (request, reply) => {
        const actor = await request.actorFor(request.params.orgId);
        const length = Number(request.headers["content-length"]);
        const body = request.body as NodeJS.ReadableStream | undefined;
        try {
          const result = await uploadEvidenceFile(ctx, actor, request.meta(), store(), {
            // the use case validates the query itself, from the text the client sent
            metadata: rawQuery(request),
            content: (body as AsyncIterable<Uint8Array> | undefined) ?? null,
            declaredLength: Number.isFinite(length) ? length : null,
            source: evidenceSourceOf(request, actor),
          });
          return reply.status(201).send(result);
        } catch (e) {
          // A refused body of a modest declared size is read and discarded by Node after the error response, so a
          // client still sending it gets the error instead of a broken pipe; anything larger ends the connection.
          const drainable = Number.isFinite(length) && length <= drainLimitBytes;
          if (!request.raw.complete && !drainable) reply.header("connection", "close");
          throw e;
        }
      },
    );
  });

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "One evidence item",
        description:
          "With its labelled links and `approvedSoaVersions`: the approved SoA versions that reference it " +
          "(while any do, it can be archived but not deleted).",
        params: OrgRecordParams,
        response: { 200: EvidenceDetailView },
      },
    },
    async (request) => getEvidence(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change evidence metadata",
        description:
          "Title, description, URL (links only), collectedAt, validUntil (null clears it). The file of an item " +
          "never changes: upload a new item. Stale `version` → 409 `conflict`; archived → 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateEvidenceInput,
        response: { 200: EvidenceDetailView },
      },
    },
    async (request) =>
      updateEvidence(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.put(
    `${base}/:id/links`,
    {
      schema: {
        tags,
        summary: "Replace the links of an evidence item",
        description:
          "The item then links to exactly `links` (types framework_node, soa_entry, applied_control, ai_system, " +
          "document; each must exist in the organization).",
        params: OrgRecordParams,
        body: SetEvidenceLinksInput,
        response: { 200: EvidenceDetailView },
      },
    },
    async (request) =>
      setEvidenceLinks(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  archiveRestoreRoutes(app, ctx, {
    path: `${base}/:id`,
    tags,
    view: EvidenceDetailView,
    archive: {
      run: archiveEvidence,
      summary: "Archive an evidence item (kept, hidden from the default list)",
    },
    restore: { run: restoreEvidence, summary: "Restore an archived evidence item" },
  });

  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Delete an evidence item",
        description:
          "Removes the item and its links (the stored file too when no other item has the same content). " +
          "Evidence referenced by an approved SoA version cannot be deleted: 409 `invalid_state` naming the " +
          "versions; archive it instead.",
        params: OrgRecordParams,
        response: { 204: z.null().describe("deleted") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await deleteEvidence(ctx, actor, request.meta(), store(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/:id/content`,
    {
      schema: {
        tags,
        summary: "Download the file of an evidence item",
        description:
          "Always an attachment (`Content-Disposition: attachment; filename*=UTF-8''…`) with " +
          "`X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`; HTML, SVG and XML are served " +
          "as `application/octet-stream`. `ETag` is the SHA-256. A link item has no file: 409 `invalid_state`.",
        produces: ["application/octet-stream"],
        params: OrgRecordParams,
        response: { 200: z.string().describe("the file's bytes") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      const content = await openEvidenceContent(ctx, actor, store(), request.params.id);
      const etag = `"${content.sha256}"`;
      reply
        .header("etag", etag)
        .header("cache-control", "private, no-cache")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox");
      if (request.headers["if-none-match"] === etag) return (reply as FastifyReply).status(304).send();
      return reply
        .type(downloadContentType(content.mediaType))
        .header("content-length", String(content.size))
        .header("content-disposition", contentDisposition(content.filename))
        .send(Readable.from(content.body) as unknown as string);
    },
  );
}
