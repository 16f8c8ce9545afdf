import {
  AiModelListQuery,
  AiModelPage,
  AiModelView,
  AiSystemComponentsView,
  CreateAiModelInput,
  UpdateAiModelInput,
} from "@openaims/core";
import {
  archiveAiModel,
  createAiModel,
  getAiModel,
  getAiSystemComponents,
  listAiModels,
  restoreAiModel,
  updateAiModel,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";

const tags = ["models"];
const base = "/api/v1/orgs/:orgId/models";

/** AI models, components of AI systems (issue 4 §1): thin adapters over the use cases. */
export async function aiModelRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List AI models",
        description: "By name; filter by `q` (name, provider, base model), `gpai`, `archived`. Keyset-paged.",
        params: OrgParams,
        querystring: AiModelListQuery,
        response: { 200: AiModelPage },
      },
    },
    async (request) => listAiModels(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Record an AI model",
        description:
          '`links` name the AI systems the model is part of (`{ type: "ai_system", id }`). `modelCard` holds the ' +
          "model-card sections (docs/inventory.md). `trainingComputeFlop` is the estimated cumulative training compute.",
        params: OrgParams,
        body: CreateAiModelInput,
        response: { 201: AiModelView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createAiModel(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "An AI model with its model card and the AI systems it is part of",
        params: OrgRecordParams,
        response: { 200: AiModelView },
      },
    },
    async (request) => getAiModel(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change an AI model",
        description:
          "Only the fields sent change (`modelCard` is replaced whole); `links`, when sent, replaces the set. A stale " +
          "`version` is 409 `conflict`; an archived model is 409 `invalid_state`.",
        params: OrgRecordParams,
        body: UpdateAiModelInput,
        response: { 200: AiModelView },
      },
    },
    async (request) =>
      updateAiModel(
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
    view: AiModelView,
    archive: { run: archiveAiModel, summary: "Archive an AI model" },
    restore: { run: restoreAiModel, summary: "Restore an archived AI model" },
  });

  app.get(
    "/api/v1/orgs/:orgId/ai-systems/:id/components",
    {
      schema: {
        tags,
        summary: "The components of an AI system and the flags they pass on",
        description:
          "The models linked to the system and `attention`, computed on read: a live GPAI model raises " +
          "`gpai_model` on the system.",
        params: OrgRecordParams,
        response: { 200: AiSystemComponentsView },
      },
    },
    async (request) =>
      getAiSystemComponents(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );
}
