import { CreateOrgInput, OrgView, UpdateOrgInput } from "@openaims/core";
import { createOrg, getOrg, updateOrg } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

export async function orgRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.post(
    "/api/v1/orgs",
    {
      schema: {
        tags: ["organizations"],
        summary: "Create an organization; the caller becomes its owner",
        description:
          "Allowed by the instance setting `org_creation` (instance admins by default); never with an API token.",
        body: CreateOrgInput,
        response: { 201: OrgView },
      },
    },
    async (request, reply) => {
      const org = await createOrg(ctx, await request.requireIdentity(), request.body, request.meta());
      return reply.status(201).send(org);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId",
    {
      schema: {
        tags: ["organizations"],
        summary: "An organization",
        params: OrgParams,
        response: { 200: OrgView },
      },
    },
    async (request) => getOrg(ctx, await request.actorFor(request.params.orgId)),
  );

  app.patch(
    "/api/v1/orgs/:orgId",
    {
      schema: {
        tags: ["organizations"],
        summary: "Rename an organization",
        params: OrgParams,
        body: UpdateOrgInput,
        response: { 200: OrgView },
      },
    },
    async (request) =>
      updateOrg(ctx, await request.actorFor(request.params.orgId), request.body, request.meta()),
  );
}
