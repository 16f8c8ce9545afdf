import multipart, { type MultipartFile, type MultipartValue } from "@fastify/multipart";
import {
  CreateMeasurementPolicyInput,
  DeleteMeasurementPolicyQuery,
  MeasurementPolicyList,
  MeasurementPolicyView,
  MeasurementRunListQuery,
  MeasurementRunPage,
  MeasurementRunView,
  MeasurementUploadParams,
  RecordMeasurementRunInput,
  UpdateMeasurementPolicyInput,
  invalidInput,
  Uuid,
} from "@openaims/core";
import {
  createEvidenceStorage,
  createMeasurementPolicy,
  deleteMeasurementPolicy,
  getMeasurementRun,
  listMeasurementPolicies,
  listMeasurementRuns,
  recordMeasurementRun,
  updateMeasurementPolicy,
  uploadMeasurementRun,
  type EvidenceStorage,
  type MeasurementUploadPart,
} from "@openaims/app";
import type { FastifyReply, FastifyRequest } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerDeps, ZodApp } from "../deps";
import { drainLimitBytes, evidenceSourceOf } from "./evidence-routes";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["measurements"];
const org = "/api/v1/orgs/:orgId";
const RunParams = OrgParams.extend({ runId: Uuid });
const PolicyParams = OrgParams.extend({ policyId: Uuid });

const fileField = (what: string) => z.string().meta({ format: "binary" }).describe(what);
/** The multipart body as documented; the route reads the parts itself, streamed, in this order. */
const UploadBody = z.object({
  params: MeasurementUploadParams.describe("JSON, sent first: the kind and the options `aims measure` takes"),
  file: fileField("fairness / performance: the prediction file (CSV or JSON Lines)").optional(),
  reference: fileField("drift: the reference data, before `current`").optional(),
  current: fileField("drift: the current data").optional(),
});

/** The multipart parts as the use case reads them: fields as text, files as byte streams. */
async function* uploadParts(request: FastifyRequest, maxBytes: number): AsyncIterable<MeasurementUploadPart> {
  // our own count refuses the files beyond maxBytes (413); busboy's limits bound the parts and the params field
  const limits = { fileSize: maxBytes + 1, files: 3, fields: 3, parts: 6, fieldSize: 256 * 1024 };
  for await (const part of request.parts({ limits })) {
    if (part.type === "file") {
      const file = part as MultipartFile;
      yield { type: "file", name: file.fieldname, filename: file.filename, content: file.file };
    } else {
      const field = part as MultipartValue;
      yield { type: "field", name: field.fieldname, value: String(field.value) };
    }
  }
}

/**
 * After a refused upload: a body of modest declared size is read and discarded so the client still sending it
 * gets the error instead of a broken pipe (as for evidence uploads); anything larger ends the connection.
 */
function releaseBody(request: FastifyRequest, reply: FastifyReply) {
  if (request.raw.complete) return;
  const length = Number(request.headers["content-length"]);
  if (Number.isFinite(length) && length <= drainLimitBytes) {
    request.raw.unpipe();
    request.raw.resume();
  } else reply.header("connection", "close");
}

/** Measurement policies (thresholds per AI system) and stored measurement runs (docs/measurement.md). */
export async function measurementRoutes(app: ZodApp, { ctx, config }: ServerDeps): Promise<void> {
  const origin = (request: FastifyRequest) =>
    (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, "");
  const runUrl = (request: FastifyRequest, orgId: string) => {
    const base = `${origin(request)}/api/v1/orgs/${orgId}/measurement-runs/`;
    return (id: string) => base + id;
  };
  let storage: EvidenceStorage | null = null;
  // created on first use (keepFile), so a server that never keeps a file never creates the evidence directory
  const store = () => (storage ??= createEvidenceStorage(ctx.database, config.evidence));

  app.get(
    `${org}/ai-systems/:id/measurement-policies`,
    {
      schema: {
        tags,
        summary: "An AI system's measurement policies",
        description:
          "Every threshold set for the AI system, oldest first; each run recorded is checked against them.",
        params: OrgRecordParams,
        response: { 200: MeasurementPolicyList },
      },
    },
    async (request) =>
      listMeasurementPolicies(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.post(
    `${org}/ai-systems/:id/measurement-policies`,
    {
      schema: {
        tags,
        summary: "Set a measurement policy",
        description:
          "`rule`: `{ metric, attribute?, group?, method?, column?, abs?, op, value }`, e.g. " +
          '`{ "metric": "disparate_impact", "attribute": "race", "op": ">=", "value": 0.8 }` or ' +
          '`{ "metric": "psi", "column": "*", "op": "<", "value": 0.25 }`. Needs `ai_system.update`.',
        params: OrgRecordParams,
        body: CreateMeasurementPolicyInput,
        response: { 201: MeasurementPolicyView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await createMeasurementPolicy(ctx, actor, request.meta(), request.params.id, request.body));
    },
  );

  app.patch(
    `${org}/measurement-policies/:policyId`,
    {
      schema: {
        tags,
        summary: "Change a measurement policy",
        description: "Runs already recorded keep their outcome. A stale `version` is 409 `conflict`.",
        params: PolicyParams,
        body: UpdateMeasurementPolicyInput,
        response: { 200: MeasurementPolicyView },
      },
    },
    async (request) =>
      updateMeasurementPolicy(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.policyId,
        request.body,
      ),
  );

  app.delete(
    `${org}/measurement-policies/:policyId`,
    {
      schema: {
        tags,
        summary: "Remove a measurement policy",
        description: "`?version=` the version read; a stale one is 409 `conflict`.",
        params: PolicyParams,
        querystring: DeleteMeasurementPolicyQuery,
        response: { 204: z.null().describe("deleted") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await deleteMeasurementPolicy(
        ctx,
        actor,
        request.meta(),
        request.params.policyId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${org}/ai-systems/:id/measurement-runs`,
    {
      schema: {
        tags,
        summary: "An AI system's measurement runs",
        description: "Newest first, keyset-paged; `kind` filters (fairness, performance, drift).",
        params: OrgRecordParams,
        querystring: MeasurementRunListQuery,
        response: { 200: MeasurementRunPage },
      },
    },
    async (request) =>
      listMeasurementRuns(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  app.post(
    `${org}/ai-systems/:id/measurement-runs`,
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: "Record a measurement run computed elsewhere",
        description:
          "`result` is exactly what `aims measure fairness|performance|drift --json` prints (validated against " +
          "core's schemas). The AI system's policies are checked here; the run becomes an evidence item (a link to " +
          "the run, linked to the AI system and to A.6.2.4 / A.6.2.6 / A.7.4 / 9.1 by kind) and a failed policy " +
          "opens a task. Needs `evidence.write`.",
        params: OrgRecordParams,
        body: RecordMeasurementRunInput,
        response: { 201: MeasurementRunView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      const run = await recordMeasurementRun(ctx, actor, request.meta(), request.params.id, request.body, {
        source: evidenceSourceOf(request, actor),
        runUrl: runUrl(request, request.params.orgId),
      });
      return reply.status(201).send(run);
    },
  );

  // The file is measured here, streamed through the same reader and accumulators as the CLI.
  await app.register(async (scope: ZodApp) => {
    await scope.register(multipart, { throwFileSizeLimit: false });
    // the body is documented (OpenAPI) but read part by part in the handler, not validated whole
    scope.setValidatorCompiler((route) =>
      route.httpPart === "body"
        ? (data: unknown) => ({ value: data })
        : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]),
    );
    scope.post(
      `${org}/ai-systems/:id/measurement-runs/upload`,
      {
        schema: {
          tags,
          summary: "Upload a prediction file and record its measurement",
          description:
            "`multipart/form-data`: first the field `params` (JSON: `kind` fairness | performance | drift and the " +
            "options of `aims measure`: `label`, `labelPositive`, `prediction` + `positive` or `score` + " +
            "`threshold`, `groups`, `reference`, `minGroupSize`, `bootstrap` (≤ 1000), `skipInvalid`, `format` csv " +
            "| jsonl, `title`, `modelRef`, `datasetRef`, `keepFile` …), then the file part `file` (drift: " +
            "`reference`, then `current`). The server streams the file through the same reader and accumulators as " +
            "the CLI (never holding it whole, hashing it on the way) and records the run exactly as `POST " +
            "…/measurement-runs` does (policies, evidence, task). Only the SHA-256 fingerprint is kept unless " +
            "`keepFile: true` (then each file is also an evidence item of kind file). A bad parameter, an unknown " +
            "column, an empty file or invalid rows without `skipInvalid` → 400, nothing stored. Larger than " +
            "`OPENAIMS_MEASUREMENT_MAX_BYTES` (default 512 MiB) or slower than `OPENAIMS_MEASUREMENT_MAX_SECONDS` " +
            "(default 600) → 413 `payload_too_large`. Needs `evidence.write`.",
          consumes: ["multipart/form-data"],
          params: OrgRecordParams,
          body: UploadBody,
          response: { 201: MeasurementRunView },
        },
      },
      async (request, reply) => {
        try {
          const actor = await request.actorFor(request.params.orgId);
          if (!request.isMultipart())
            throw invalidInput("Send multipart/form-data: the params field, then the file part(s).");
          const length = Number(request.headers["content-length"]);
          const { maxBytes, maxSeconds } = config.measurement;
          const run = await uploadMeasurementRun(
            ctx,
            actor,
            request.meta(),
            request.params.id,
            {
              parts: uploadParts(request, maxBytes),
              declaredLength: Number.isFinite(length) ? length : null,
              maxBytes,
              maxSeconds,
              storage: store,
            },
            { source: evidenceSourceOf(request, actor), runUrl: runUrl(request, request.params.orgId) },
          );
          return reply.status(201).send(run);
        } catch (e) {
          releaseBody(request, reply);
          throw e;
        }
      },
    );
  });

  app.get(
    `${org}/measurement-runs/:runId`,
    {
      schema: {
        tags,
        summary: "A measurement run",
        description: "Its input fingerprint, parameters, conventions, result and policy outcome.",
        params: RunParams,
        response: { 200: MeasurementRunView },
      },
    },
    async (request) =>
      getMeasurementRun(ctx, await request.actorFor(request.params.orgId), request.params.runId),
  );
}
