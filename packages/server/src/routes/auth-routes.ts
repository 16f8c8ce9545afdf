import { z } from "zod";
import { isDomainError, LoginInput, LoginResult, MeView } from "@openaims/core";
import { getMe, signIn, signOut } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { clearSessionCookies, setSessionCookies } from "../session-cookies";

export async function authRoutes(app: ZodApp, { ctx, config }: ServerDeps): Promise<void> {
  app.post(
    "/api/v1/auth/login",
    {
      config: { csrf: false },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password; sets the session and CSRF cookies",
        security: [],
        body: LoginInput,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      try {
        const { user, session } = await signIn(ctx, request.body, request.meta());
        setSessionCookies(reply, config, session);
        return { user, csrfToken: session.csrfToken };
      } catch (e) {
        const wait = isDomainError(e)
          ? (e.details as { retryAfterSeconds?: unknown })?.retryAfterSeconds
          : null;
        if (typeof wait === "number") reply.header("retry-after", String(wait));
        throw e;
      }
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out: revokes the session and clears its cookies",
        response: { 204: z.null().describe("signed out") },
      },
    },
    async (request, reply) => {
      const identity = await request.identity();
      if (identity) await signOut(ctx, identity, request.meta());
      clearSessionCookies(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The caller, their active memberships and the CSRF token",
        response: { 200: MeView },
      },
    },
    async (request) => getMe(ctx, await request.requireIdentity()),
  );
}
