import { z } from "zod";
import { CustomRoleInput, CustomRoleView, RolesView, UpdateCustomRoleInput, Uuid } from "@openaims/core";
import { createCustomRole, deleteCustomRole, listRoles, updateCustomRole } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const RoleParams = z.object({ orgId: Uuid, roleId: Uuid });

export async function roleRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/roles",
    {
      schema: {
        tags: ["roles"],
        summary: "Built-in roles, custom roles and the permission catalogue",
        params: OrgParams,
        response: { 200: RolesView },
      },
    },
    async (request) => listRoles(ctx, await request.actorFor(request.params.orgId)),
  );

  app.post(
    "/api/v1/orgs/:orgId/roles",
    {
      schema: {
        tags: ["roles"],
        summary: "Create a custom role",
        params: OrgParams,
        body: CustomRoleInput,
        response: { 201: CustomRoleView },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createCustomRole(ctx, actor, request.body, request.meta()));
    },
  );

  app.patch(
    "/api/v1/orgs/:orgId/roles/:roleId",
    {
      schema: {
        tags: ["roles"],
        summary: "Edit a custom role; members and tokens holding it change with it",
        params: RoleParams,
        body: UpdateCustomRoleInput,
        response: { 200: CustomRoleView },
      },
    },
    async (request) =>
      updateCustomRole(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.roleId,
        request.body,
        request.meta(),
      ),
  );

  app.delete(
    "/api/v1/orgs/:orgId/roles/:roleId",
    {
      schema: {
        tags: ["roles"],
        summary: "Delete a custom role; 409 while a member, pending invitation or API token holds it",
        params: RoleParams,
        response: { 204: z.null().describe("deleted") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await deleteCustomRole(ctx, actor, request.params.roleId, request.meta());
      return reply.status(204).send(null);
    },
  );
}
