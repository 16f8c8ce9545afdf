import { z } from "zod";
import { ApiTokenView, CreateApiTokenInput, CreatedApiToken, Page, PageQuery, Uuid } from "@openaims/core";
import { createApiToken, listApiTokens, revokeApiToken } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const TokenParams = z.object({ orgId: Uuid, tokenId: Uuid });

export async function apiTokenRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/api-tokens",
    {
      schema: {
        tags: ["api tokens"],
        summary: "API tokens, newest first: your own, or everyone's with api_token.manage",
        params: OrgParams,
        querystring: PageQuery,
        response: { 200: Page(ApiTokenView) },
      },
    },
    async (request) => listApiTokens(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    "/api/v1/orgs/:orgId/api-tokens",
    {
      schema: {
        tags: ["api tokens"],
        summary: "Create an API token for yourself; the secret is shown once",
        params: OrgParams,
        body: CreateApiTokenInput,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createApiToken(ctx, actor, request.body, request.meta()));
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/api-tokens/:tokenId",
    {
      schema: {
        tags: ["api tokens"],
        summary: "Revoke an API token",
        params: TokenParams,
        response: { 204: z.null().describe("revoked") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await revokeApiToken(ctx, actor, request.params.tokenId, request.meta());
      return reply.status(204).send(null);
    },
  );
}
