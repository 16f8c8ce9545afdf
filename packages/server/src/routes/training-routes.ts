import { z } from "zod";
import {
  CreateTrainingRecordInput,
  CreateTrainingTopicInput,
  TrainingCoverageQuery,
  TrainingCoverageView,
  TrainingRecordListQuery,
  TrainingRecordPage,
  TrainingRecordView,
  TrainingTopicListQuery,
  TrainingTopicPage,
  TrainingTopicView,
  UpdateTrainingRecordInput,
  UpdateTrainingTopicInput,
  VersionQuery,
} from "@openaims/core";
import {
  archiveTrainingTopic,
  createTrainingRecord,
  createTrainingTopic,
  deleteTrainingRecord,
  getTrainingCoverage,
  getTrainingRecord,
  getTrainingTopic,
  listTrainingRecords,
  listTrainingTopics,
  restoreTrainingTopic,
  updateTrainingRecord,
  updateTrainingTopic,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["training"];
const base = "/api/v1/orgs/:orgId/training";

/** Competence (7.2) and AI literacy (EU AI Act Art. 4): the training catalogue, records and coverage. */
export async function trainingRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  topicRoutes(app, deps);
  recordRoutes(app, deps);

  app.get(
    `${base}/coverage`,
    {
      schema: {
        tags,
        summary: "Training coverage: active members × live topics, and the AI-literacy summary",
        description:
          "Each cell is the member's best completion of the topic (`current`, `expiring_soon` within 30 days of " +
          "its expiry, `expired`, `missing`) and whether the topic is required of them (`applies`). A member's " +
          "`aiLiteracy` is their best AI-literacy training. Without `training.read` the caller sees their own row " +
          "only (`complete: false`).",
        params: OrgParams,
        querystring: TrainingCoverageQuery,
        response: { 200: TrainingCoverageView },
      },
    },
    async (request) =>
      getTrainingCoverage(deps.ctx, await request.actorFor(request.params.orgId), request.query),
  );
}

function topicRoutes(app: ZodApp, { ctx }: ServerDeps): void {
  app.get(
    `${base}/topics`,
    {
      schema: {
        tags,
        summary: "List training topics",
        description: "By name; filter by `q` (name, description), `kind`, `archived`. Keyset-paged.",
        params: OrgParams,
        querystring: TrainingTopicListQuery,
        response: { 200: TrainingTopicPage },
      },
    },
    async (request) => listTrainingTopics(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    `${base}/topics`,
    {
      schema: {
        tags,
        summary: "Add a training topic to the catalogue",
        description:
          "`validityMonths` (null: never expires), `required`, `roles` (built-in role names or `custom:<id>`; " +
          "empty with no `aiSystemIds`: everyone), `aiSystemIds` (their owners must hold it too), `aiLiteracy` " +
          "(counts toward Art. 4; default true for kind `ai_literacy`). Needs `training.manage`.",
        params: OrgParams,
        body: CreateTrainingTopicInput,
        response: { 201: TrainingTopicView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createTrainingTopic(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/topics/:id`,
    {
      schema: {
        tags,
        summary: "A training topic",
        params: OrgRecordParams,
        response: { 200: TrainingTopicView },
      },
    },
    async (request) => getTrainingTopic(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/topics/:id`,
    {
      schema: {
        tags,
        summary: "Change a training topic",
        description:
          "Only the fields sent change; `aiSystemIds`, when sent, replaces the set. A stale `version` is 409 " +
          "`conflict`; an archived topic 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateTrainingTopicInput,
        response: { 200: TrainingTopicView },
      },
    },
    async (request) =>
      updateTrainingTopic(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  archiveRestoreRoutes(app, ctx, {
    path: `${base}/topics/:id`,
    tags,
    view: TrainingTopicView,
    archive: {
      run: archiveTrainingTopic,
      summary: "Archive a training topic",
      description: "It leaves the coverage, readiness and generated tasks; its records stay.",
    },
    restore: { run: restoreTrainingTopic, summary: "Restore an archived training topic" },
  });
}

function recordRoutes(app: ZodApp, { ctx }: ServerDeps): void {
  app.get(
    `${base}/records`,
    {
      schema: {
        tags,
        summary: "List training records",
        description:
          "Newest completion first; filter by `userId`, `topicId`, `status` (derived as of today). Without " +
          "`training.read` only the caller's own records. Keyset-paged.",
        params: OrgParams,
        querystring: TrainingRecordListQuery,
        response: { 200: TrainingRecordPage },
      },
    },
    async (request) => listTrainingRecords(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    `${base}/records`,
    {
      schema: {
        tags,
        summary: "Record a completed training",
        description:
          "The member by `userId` or `email` (an active member, else 400 naming it); `completedOn` not in the " +
          "future; `expiresOn` states an end of validity (else derived from the topic). `evidenceIds` link evidence. " +
          "Anyone's with `training.manage`, one's own with `training.record_own`. The same member, topic and day " +
          "twice is 409 `conflict`; an archived topic 409 `invalid_state`.",
        params: OrgParams,
        body: CreateTrainingRecordInput,
        response: { 201: TrainingRecordView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createTrainingRecord(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/records/:id`,
    {
      schema: {
        tags,
        summary: "A training record",
        description: "Someone else's record without `training.read` is 404.",
        params: OrgRecordParams,
        response: { 200: TrainingRecordView },
      },
    },
    async (request) =>
      getTrainingRecord(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/records/:id`,
    {
      schema: {
        tags,
        summary: "Correct a training record",
        description:
          "Dates, provider, method, note; `evidenceIds`, when sent, replaces the set. The member and topic stay. " +
          "A stale `version` is 409 `conflict`.",
        params: OrgRecordParams,
        body: UpdateTrainingRecordInput,
        response: { 200: TrainingRecordView },
      },
    },
    async (request) =>
      updateTrainingRecord(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    `${base}/records/:id`,
    {
      schema: {
        tags,
        summary: "Delete a training record entered by mistake",
        description: "`?version=` is the version you read; the audit trail keeps what was deleted.",
        params: OrgRecordParams,
        querystring: VersionQuery,
        response: { 204: z.null().describe("deleted") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await deleteTrainingRecord(ctx, actor, request.meta(), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
