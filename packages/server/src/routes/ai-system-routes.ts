import { z } from "zod";
import {
  AiSystemListQuery,
  AiSystemPage,
  AiSystemView,
  ArchiveInput,
  AuditEventPage,
  CreateAiSystemInput,
  PageQuery,
  UpdateAiSystemInput,
  Uuid,
} from "@openaims/core";
import {
  archiveAiSystem,
  createAiSystem,
  getAiSystem,
  listAiSystemHistory,
  listAiSystems,
  restoreAiSystem,
  updateAiSystem,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { shapedSerializerCompiler } from "../plugins/shaped-serializer";

const OrgParams = z.object({ orgId: Uuid });
const SystemParams = z.object({ orgId: Uuid, id: Uuid });
const tags = ["ai-systems"];
const base = "/api/v1/orgs/:orgId/ai-systems";

/** The AI system register: thin adapters over the use cases in @openaims/app. */
export async function aiSystemRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "List AI systems",
        description:
          "Search (`q`, case-insensitive over name, purpose, description, business unit), filter and sort; " +
          "keyset-paged with `cursor` from `nextCursor`. `total` counts every match of the filter.",
        params: OrgParams,
        querystring: AiSystemListQuery,
        response: { 200: AiSystemPage },
      },
      serializerCompiler: shapedSerializerCompiler,
    },
    async (request) => listAiSystems(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Register an AI system",
        description: "`ownerId` must be the user id of an active member of the organization.",
        params: OrgParams,
        body: CreateAiSystemInput,
        response: { 201: AiSystemView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createAiSystem(ctx, actor, request.meta(), request.body));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: { tags, summary: "An AI system", params: SystemParams, response: { 200: AiSystemView } },
      serializerCompiler: shapedSerializerCompiler,
    },
    async (request) => getAiSystem(ctx, await request.actorFor(request.params.orgId), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Change an AI system",
        description:
          "Only the fields sent change. `version` is the version you read: a stale one is 409 `conflict`; " +
          "an archived system is 409 `invalid_state`. Sending no changes returns the system as it is.",
        params: SystemParams,
        body: UpdateAiSystemInput,
        response: { 200: AiSystemView },
      },
    },
    async (request) =>
      updateAiSystem(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${base}/:id/archive`,
    {
      schema: {
        tags,
        summary: "Archive an AI system",
        description: "Hides it from the default list and freezes it; nothing is deleted.",
        params: SystemParams,
        body: ArchiveInput,
        response: { 200: AiSystemView },
      },
    },
    async (request) =>
      archiveAiSystem(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body.version,
      ),
  );

  app.post(
    `${base}/:id/restore`,
    {
      schema: {
        tags,
        summary: "Restore an archived AI system",
        params: SystemParams,
        body: ArchiveInput,
        response: { 200: AiSystemView },
      },
    },
    async (request) =>
      restoreAiSystem(
        ctx,
        await request.actorFor(request.params.orgId),
        request.meta(),
        request.params.id,
        request.body.version,
      ),
  );

  app.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: "The change history of an AI system",
        description: "Its audit events, newest first, each with the diff it recorded.",
        params: SystemParams,
        querystring: PageQuery,
        response: { 200: AuditEventPage },
      },
    },
    async (request) =>
      listAiSystemHistory(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.id,
        request.query,
      ),
  );
}
