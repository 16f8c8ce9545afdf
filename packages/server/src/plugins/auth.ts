import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { DomainError, notFound, type Actor } from "@openaims/core";
import {
  actorInOrg,
  authenticateApiToken,
  authenticateApiTokenInOrg,
  authenticateSession,
  authenticateSessionInOrg,
  type AppContext,
  type Identity,
  type IdentityInOrg,
  type RequestMeta,
} from "@openaims/app";

export const SESSION_COOKIE = "openaims_session";
export const CSRF_COOKIE = "openaims_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    /** the signed-in person or API token, or null; resolved once per request */
    identity(): Promise<Identity | null>;
    requireIdentity(): Promise<Identity>;
    /** the caller as a member of `orgId`; 404 when not an active member */
    actorFor(orgId: string): Promise<Actor>;
    meta(): RequestMeta;
  }
  interface FastifyContextConfig {
    /** set false on routes that establish a session (sign-in, accept invitation) */
    csrf?: boolean;
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const unauthenticated = () =>
  new DomainError("unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer …'.");

/** The credential the request carries; a malformed Authorization header is a 401 whatever else is sent. */
function credentialOf(request: FastifyRequest): { via: "token" | "session"; secret: string } | null {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new DomainError("unauthenticated", "The Authorization header must be 'Bearer <token>'.");
    return { via: "token", secret: m[1]! };
  }
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? { via: "session", secret } : null;
}

const invalidToken = () =>
  new DomainError("unauthenticated", "The API token is not valid, expired or revoked.");

async function resolveIdentity(ctx: AppContext, request: FastifyRequest): Promise<Identity | null> {
  const credential = credentialOf(request);
  if (!credential) return null;
  if (credential.via === "session") return authenticateSession(ctx, credential.secret);
  const identity = await authenticateApiToken(ctx, credential.secret);
  if (!identity) throw invalidToken();
  return identity;
}

/** Identity and membership in one round trip, for the first thing an org-scoped route asks. */
async function resolveInOrg(ctx: AppContext, request: FastifyRequest, orgId: string): Promise<IdentityInOrg> {
  const credential = credentialOf(request);
  if (!credential) throw unauthenticated();
  if (credential.via === "session") {
    const found = await authenticateSessionInOrg(ctx, credential.secret, orgId);
    if (!found) throw unauthenticated();
    return found;
  }
  const found = await authenticateApiTokenInOrg(ctx, credential.secret, orgId);
  if (!found) throw invalidToken();
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves sessions and API tokens, and enforces CSRF on cookie-authenticated mutations. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest("identity", function (this: FastifyRequest) {
    const self = this as FastifyRequest & { _identity?: Promise<Identity | null> };
    self._identity ??= resolveIdentity(opts.ctx, this);
    return self._identity;
  });
  app.decorateRequest("requireIdentity", async function (this: FastifyRequest) {
    const identity = await this.identity();
    if (!identity) throw unauthenticated();
    return identity;
  });
  app.decorateRequest("actorFor", async function (this: FastifyRequest, orgId: string) {
    const self = this as FastifyRequest & { _identity?: Promise<Identity | null> };
    if (self._identity || !UUID.test(orgId)) {
      return actorInOrg(opts.ctx, await this.requireIdentity(), orgId);
    }
    const found = resolveInOrg(opts.ctx, this, orgId);
    self._identity = found.then((f) => f.identity);
    // the failure is thrown below; a later identity() call sees it again, but nobody else need await it
    self._identity.catch(() => {});
    const { actor } = await found;
    if (!actor) throw notFound("Organization");
    return actor;
  });
  app.decorateRequest("meta", function (this: FastifyRequest): RequestMeta {
    return { requestId: String(this.id), ip: this.ip, userAgent: this.headers["user-agent"] ?? null };
  });

  app.addHook("preHandler", async (request) => {
    if (!MUTATING.has(request.method) || request.routeOptions.config?.csrf === false) return;
    if (request.headers.authorization !== undefined) return; // bearer tokens are not sent by browsers on their own
    const identity = await request.identity();
    if (!identity || identity.via !== "session") return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || sent !== identity.csrfToken) {
      throw new DomainError("forbidden", `Missing or wrong ${CSRF_HEADER} header for a signed-in request.`);
    }
  });
});
