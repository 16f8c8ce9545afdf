import {
  AddObjectiveProgressInput,
  CreateObjectiveInput,
  ObjectiveListQuery,
  ObjectivePage,
  ObjectiveProgressPage,
  ObjectiveProgressRecorded,
  ObjectiveView,
  PageQuery,
  UpdateObjectiveInput,
} from "@openaims/core";
import {
  addObjectiveProgress,
  archiveObjective,
  createObjective,
  getObjective,
  listObjectiveProgress,
  listObjectives,
  restoreObjective,
  updateObjective,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["objectives"];
const base = "/api/v1/orgs/:orgId/objectives";

const statusRule =
  "`status` is derived at read time: `not_started` (no entries), `on_track` / `at_risk` / `off_track` (the latest " +
  "value against a straight path from the baseline to the target at the due date, read today: lag ≤ 10% / ≤ 25% / " +
  "more of the whole distance), `achieved` (latest value meets the target), `missed` (due date passed and the last " +
  "entry up to it does not meet the target). See docs/objectives-and-concerns.md.";

/** AI objectives (6.2) and their progress: thin adapters over the use cases. */
export async function objectiveRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List AI objectives",
        description: `Soonest due first; filter by \`status\`, \`ownerId\`, \`q\` (title, description, measure). ${statusRule}`,
        params: OrgParams,
        querystring: ObjectiveListQuery,
        response: { 200: ObjectivePage },
      },
    },
    async (request) => listObjectives(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Set an AI objective",
        description:
          "`direction` `increase`: the target is a floor (at least); `decrease`: a ceiling (at most). `startDate` " +
          "defaults to today. `links` point to framework nodes (`6.2`, `iso-iec-42001-2023:5.2`), AI systems, documents.",
        params: OrgParams,
        body: CreateObjectiveInput,
        response: { 201: ObjectiveView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createObjective(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "An AI objective with its progress series, status and links",
        description: statusRule,
        params: OrgRecordParams,
        response: { 200: ObjectiveView },
      },
    },
    async (request) => getObjective(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change an AI objective",
        description:
          "Only the fields sent change; `links`, when sent, replaces the set. A stale `version` is 409 `conflict`; " +
          "an archived objective is 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateObjectiveInput,
        response: { 200: ObjectiveView },
      },
    },
    async (request) =>
      updateObjective(
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
    view: ObjectiveView,
    archive: { run: archiveObjective, summary: "Archive an AI objective" },
    restore: { run: restoreObjective, summary: "Restore an archived AI objective" },
  });

  app.get(
    `${base}/:id/progress`,
    {
      schema: {
        tags,
        summary: "The progress entries of an AI objective",
        description: "Newest observation first, keyset-paged.",
        params: OrgRecordParams,
        querystring: PageQuery,
        response: { 200: ObjectiveProgressPage },
      },
    },
    async (request) =>
      listObjectiveProgress(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );

  app.post(
    `${base}/:id/progress`,
    {
      schema: {
        tags,
        summary: "Record progress on an AI objective",
        description:
          "A measured `value`, `observedAt` (a date or date-time, default now, at most a day ahead), a `note` and " +
          "`source` (`manual`, `cli`, `api` — the default — or `measurement`). Answers with the entry and the " +
          "objective's new status. No `version` is needed: entries are appended, never edited.",
        params: OrgRecordParams,
        body: AddObjectiveProgressInput,
        response: { 201: ObjectiveProgressRecorded },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply
        .status(201)
        .send(await addObjectiveProgress(ctx, actor, request.meta(), request.params.id, request.body));
    },
  );
}
