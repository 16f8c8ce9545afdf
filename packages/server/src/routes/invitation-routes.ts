import { z } from "zod";
import {
  AcceptInvitationInput,
  AcceptInvitationResult,
  CreatedInvitation,
  CreateInvitationInput,
  InvitationListQuery,
  InvitationPreview,
  InvitationView,
  Page,
  Uuid,
} from "@openaims/core";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
  type Identity,
} from "@openaims/app";
import type { FastifyRequest } from "fastify";
import type { ServerDeps, ZodApp } from "../deps";
import { CSRF_HEADER } from "../plugins/auth";
import { setSessionCookies } from "../session-cookies";
import { OrgParams } from "./route-kit";

const InvitationParams = z.object({ orgId: Uuid, invitationId: Uuid });
const TokenParams = z.object({ token: z.string().min(20).max(200) });

/**
 * Accepting is exempt from the CSRF hook because a new person has no session yet. A session cookie still only
 * counts when the CSRF header matches, so a cross-site form cannot attach a signed-in account to an org.
 */
async function callerWithCsrf(request: FastifyRequest): Promise<Identity | null> {
  const identity = await request.identity();
  if (identity?.via !== "session") return identity;
  return request.headers[CSRF_HEADER] === identity.csrfToken ? identity : null;
}

export async function invitationRoutes(app: ZodApp, { ctx, config }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Invitations, newest first",
        params: OrgParams,
        querystring: InvitationListQuery,
        response: { 200: Page(InvitationView) },
      },
    },
    async (request) => listInvitations(ctx, await request.actorFor(request.params.orgId), request.query),
  );

  app.post(
    "/api/v1/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Invite someone by e-mail; the token is shown once",
        params: OrgParams,
        body: CreateInvitationInput,
        response: { 201: CreatedInvitation },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      return reply.status(201).send(await createInvitation(ctx, actor, request.body, request.meta()));
    },
  );

  app.delete(
    "/api/v1/orgs/:orgId/invitations/:invitationId",
    {
      schema: {
        tags: ["invitations"],
        summary: "Revoke an invitation",
        params: InvitationParams,
        response: { 204: z.null().describe("revoked") },
      },
    },
    async (request, reply) => {
      const actor = await request.actorFor(request.params.orgId);
      await revokeInvitation(ctx, actor, request.params.invitationId, request.meta());
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/invitations/:token",
    {
      schema: {
        tags: ["invitations"],
        summary: "What a pending invitation link is for (public); 404 when unknown, used, revoked or expired",
        security: [],
        params: TokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(ctx, request.params.token),
  );

  app.post(
    "/api/v1/invitations/accept",
    {
      config: { csrf: false },
      schema: {
        tags: ["invitations"],
        summary:
          "Accept an invitation: a new e-mail creates the account (and signs it in); an existing one must be signed in",
        security: [],
        body: AcceptInvitationInput,
        response: { 200: AcceptInvitationResult },
      },
    },
    async (request, reply) => {
      const outcome = await acceptInvitation(
        ctx,
        await callerWithCsrf(request),
        request.body,
        request.meta(),
      );
      if (outcome.session) setSessionCookies(reply, config, outcome.session);
      return {
        orgId: outcome.orgId,
        user: outcome.user,
        ...(outcome.session ? { csrfToken: outcome.session.csrfToken } : {}),
      };
    },
  );
}
