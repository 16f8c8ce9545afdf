import {
  MeasurementRunObjectives,
  MeasurementTrend,
  MeasurementTrendQuery,
  ObjectiveMeasurementRuns,
  ProgressFromRunRecorded,
  RecordProgressFromRunInput,
  SetMeasurementRunObjectivesInput,
  Uuid,
} from "@openaims/core";
import {
  getMeasurementTrend,
  listMeasurementRunObjectives,
  listObjectiveMeasurementRuns,
  recordProgressFromRun,
  setMeasurementRunObjectives,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["measurements"];
const org = "/api/v1/orgs/:orgId";
const RunParams = OrgParams.extend({ runId: Uuid });

/** Trends across an AI system's runs and the objectives a run informs (docs/measurement.md). */
export async function measurementTrendRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    `${org}/ai-systems/:id/measurement-runs/trend`,
    {
      schema: {
        tags,
        summary: "One metric across an AI system's runs",
        description:
          "The latest `limit` runs of the metric's kind (default 50, at most 200), oldest first: one series per " +
          "place the metric is reported (`race: b vs a`, `race (between_groups)`, `column age`, `overall`), " +
          "each point with the verdict the run's policies gave it when recorded, and the system's current " +
          "thresholds on the metric. `attribute`, `group`, `method`, `column` narrow it like a policy rule. " +
          "Without `metric`, only `available` (the metrics of the latest run of each kind) is filled.",
        params: OrgRecordParams,
        querystring: MeasurementTrendQuery,
        response: { 200: MeasurementTrend },
      },
    },
    async (request) =>
      getMeasurementTrend(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    `${org}/measurement-runs/:runId/objectives`,
    {
      schema: {
        tags,
        summary: "The objectives a measurement run informs",
        params: RunParams,
        response: { 200: MeasurementRunObjectives },
      },
    },
    async (request) =>
      listMeasurementRunObjectives(ctx, await request.actorFor(request.params.orgId), request.params.runId),
  );

  app.put(
    `${org}/measurement-runs/:runId/objectives`,
    {
      schema: {
        tags,
        summary: "Set the objectives a measurement run informs",
        description:
          "Replaces the run's objective links (the run itself stays immutable). An id that is not an objective " +
          "of the organization is 400 naming `objectiveIds.<i>`. Needs `evidence.write`.",
        params: RunParams,
        body: SetMeasurementRunObjectivesInput,
        response: { 200: MeasurementRunObjectives },
      },
    },
    async (request) =>
      setMeasurementRunObjectives(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.runId,
        request.body,
      ),
  );

  app.post(
    `${org}/measurement-runs/:runId/objective-progress`,
    {
      schema: {
        tags,
        summary: "Record a run's metric as an objective's progress",
        description:
          "Picks one value of the run (`metric` and the policy-like selectors; `where` when several match), " +
          "records it as a progress entry of the objective (source `measurement`, observed when the run was " +
          "recorded) and links the run to the objective. Needs `evidence.write` and `objective.write`.",
        params: RunParams,
        body: RecordProgressFromRunInput,
        response: { 201: ProgressFromRunRecorded },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await recordProgressFromRun(ctx, actor, request.meta(), request.params.runId, request.body));
    },
  );

  app.get(
    `${org}/objectives/:id/measurement-runs`,
    {
      schema: {
        tags,
        summary: "The measurement runs linked to an objective",
        description: "Newest first, at most 100.",
        params: OrgRecordParams,
        response: { 200: ObjectiveMeasurementRuns },
      },
    },
    async (request) =>
      listObjectiveMeasurementRuns(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
}
