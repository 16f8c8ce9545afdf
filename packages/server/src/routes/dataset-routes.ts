import {
  DatasetListQuery,
  DatasetPage,
  DatasetView,
  CreateDatasetInput,
  UpdateDatasetInput,
} from "@openaims/core";
import {
  archiveDataset,
  createDataset,
  getDataset,
  listDatasets,
  restoreDataset,
  updateDataset,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["datasets"];
const base = "/api/v1/orgs/:orgId/datasets";

/** Datasets (A.7), components of AI systems (issue 4 §1): thin adapters over the use cases. */
export async function datasetRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List datasets",
        description:
          "By name; filter by `q` (name, source, description), `specialCategories`, `archived`. Keyset-paged.",
        params: OrgParams,
        querystring: DatasetListQuery,
        response: { 200: DatasetPage },
      },
    },
    async (request) => listDatasets(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Record a dataset",
        description:
          '`links` name the AI systems and models that use the dataset (`{ type: "ai_system" | "ai_model", id }`). ' +
          "`provenance` is the chain of custody, oldest step first; `datasheet` holds the datasheet sections (docs/inventory.md).",
        params: OrgParams,
        body: CreateDatasetInput,
        response: { 201: DatasetView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createDataset(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "A dataset with its datasheet and the systems and models that use it",
        params: OrgRecordParams,
        response: { 200: DatasetView },
      },
    },
    async (request) => getDataset(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change a dataset",
        description:
          "Only the fields sent change (`datasheet` and `provenance` are replaced whole); `links`, when sent, replaces the set. A stale " +
          "`version` is 409 `conflict`; an archived dataset is 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateDatasetInput,
        response: { 200: DatasetView },
      },
    },
    async (request) =>
      updateDataset(
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
    view: DatasetView,
    archive: { run: archiveDataset, summary: "Archive a dataset" },
    restore: { run: restoreDataset, summary: "Restore an archived dataset" },
  });
}
