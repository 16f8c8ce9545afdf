import { z } from "zod";
import { MemberListQuery, MembershipView, Page, UpdateMemberInput, Uuid, VersionInput } from "@openaims/core";
import { changeMemberRole, deactivateMember, listMembers, reactivateMember } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const MemberParams = z.object({ orgId: Uuid, memberId: Uuid });
const MemberPage = Page(MembershipView).extend({ total: z.number().int() });

export async function memberRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/members",
    {
      schema: {
        tags: ["members"],
        summary: "Members, by e-mail; `q` searches e-mail and name",
        params: OrgParams,
        querystring: MemberListQuery,
        response: { 200: MemberPage },
      },
    },
    async (request) => listMembers(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.patch(
    "/api/v1/orgs/:orgId/members/:memberId",
    {
      schema: {
        tags: ["members"],
        summary: "Change a member's role (a built-in role or custom:<id>)",
        params: MemberParams,
        body: UpdateMemberInput,
        response: { 200: MembershipView },
      },
    },
    async (request) =>
      changeMemberRole(
        ctx,
        await request.actorFor(request.params.orgId),
        request.params.memberId,
        request.body,
        request.meta(),
      ),
  );

  for (const [verb, run, summary] of [
    ["deactivate", deactivateMember, "Deactivate a member (also revokes their API tokens in this org)"],
    ["reactivate", reactivateMember, "Reactivate a member with their previous role"],
  ] as const) {
    app.post(
      `/api/v1/orgs/:orgId/members/:memberId/${verb}`,
      {
        schema: {
          tags: ["members"],
          summary,
          params: MemberParams,
          body: VersionInput,
          response: { 200: MembershipView },
        },
      },
      async (request) =>
        run(
          ctx,
          await request.actorFor(request.params.orgId),
          request.params.memberId,
          request.body,
          request.meta(),
        ),
    );
  }
}
