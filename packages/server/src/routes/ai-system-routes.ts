import {
  AiSystemListQuery,
  AiSystemPage,
  AiSystemView,
  AuditEventPage,
  CreateAiSystemInput,
  PageQuery,
  UpdateAiSystemInput,
} from "@openaims/core";
import {
  aiSystemAlong,
  aiSystemDetail,
  archiveAiSystem,
  createAiSystem,
  listAiSystemHistory,
  listAiSystemsJson,
  restoreAiSystem,
  type AiSystemPageJson,
  updateAiSystem,
} from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { archiveRestoreRoutes, OrgParams, OrgRecordParams } from "./route-kit";
import { JsonText, shapedSerializerCompiler } from "../plugins/shaped-serializer";

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
    async (request) => {
      const page = await listAiSystemsJson(ctx, await request.actorFor(request.params.orgId), request.query);
      // the items' JSON comes written by PostgreSQL; only the envelope is assembled here
      return aiSystemPageBody(page) as unknown as AiSystemPage;
    },
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
      schema: { tags, summary: "An AI system", params: OrgRecordParams, response: { 200: AiSystemView } },
      serializerCompiler: shapedSerializerCompiler,
    },
    async (request) => {
      // one round trip: the system is read in the statement that resolves the caller (same 401/404/403)
      const { actor, record } = await request.actorWith(
        request.params.orgId,
        aiSystemAlong(request.params.id),
      );
      return aiSystemDetail(actor, record);
    },
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
        params: OrgRecordParams,
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

  archiveRestoreRoutes(app, ctx, {
    path: `${base}/:id`,
    tags,
    view: AiSystemView,
    archive: {
      run: archiveAiSystem,
      summary: "Archive an AI system",
      description: "Hides it from the default list and freezes it; nothing is deleted.",
    },
    restore: { run: restoreAiSystem, summary: "Restore an archived AI system" },
  });

  app.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: "The change history of an AI system",
        description: "Its audit events, newest first, each with the diff it recorded.",
        params: OrgRecordParams,
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

/**
 * The list's body in `AiSystemPage`'s field order, with the items' JSON text spliced in unparsed. A test
 * (ai-system-list-json.test.ts) checks it byte for byte against `listAiSystems` + the shaped serializer.
 */
export function aiSystemPageBody(page: AiSystemPageJson): JsonText {
  return new JsonText(
    `{"items":[${page.items.join(",")}],"nextCursor":${JSON.stringify(page.nextCursor)},` +
      `"total":${JSON.stringify(page.total)},"abilities":${JSON.stringify(page.abilities)}}`,
  );
}
