import {
  CreateMeasurementPolicyInput,
  DeleteMeasurementPolicyQuery,
  MeasurementPolicyList,
  MeasurementPolicyView,
  MeasurementRunListQuery,
  MeasurementRunPage,
  MeasurementRunView,
  RecordMeasurementRunInput,
  UpdateMeasurementPolicyInput,
  Uuid,
} from "@openaims/core";
import {
  createMeasurementPolicy,
  deleteMeasurementPolicy,
  getMeasurementRun,
  listMeasurementPolicies,
  listMeasurementRuns,
  recordMeasurementRun,
  updateMeasurementPolicy,
} from "@openaims/app";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ServerDeps, ZodApp } from "../deps";
import { evidenceSourceOf } from "./evidence-routes";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["measurements"];
const org = "/api/v1/orgs/:orgId";
const RunParams = OrgParams.extend({ runId: Uuid });
const PolicyParams = OrgParams.extend({ policyId: Uuid });

/** Measurement policies (thresholds per AI system) and stored measurement runs (docs/measurement.md). */
export async function measurementRoutes(app: ZodApp, { ctx, config }: ServerDeps): Promise<void> {
  const origin = (request: FastifyRequest) =>
    (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, "");

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
      const base = `${origin(request)}/api/v1/orgs/${request.params.orgId}/measurement-runs/`;
      const run = await recordMeasurementRun(ctx, actor, request.meta(), request.params.id, request.body, {
        source: evidenceSourceOf(request, actor),
        runUrl: (id) => base + id,
      });
      return reply.status(201).send(run);
    },
  );

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
