import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { DomainError, notFound, type Actor } from "@openaims/core";
import {
  actorInOrg,
  authenticateApiToken,
  authenticateApiTokenInOrg,
  authenticateInOrgWith,
  authenticateSession,
  authenticateSessionInOrg,
  type AppContext,
  type Credential,
  type Identity,
  type IdentityInOrg,
  type RecordAlong,
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
    /**
     * `actorFor(orgId)` and a record of that org read in the same statement (one round trip); the same 401
     * and 404 rules, checked before the record is looked at. The route still authorizes.
     */
    actorWith<T>(orgId: string, along: RecordAlong<T>): Promise<{ actor: Actor; record: T }>;
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
function credentialOf(request: FastifyRequest): Credential | null {
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

/** Identity and membership in one round trip (with a record of the org when asked), for an org-scoped route. */
async function resolveInOrg<T extends IdentityInOrg>(
  request: FastifyRequest,
  lookup: (credential: Credential) => Promise<T | null>,
): Promise<T> {
  const credential = credentialOf(request);
  if (!credential) throw unauthenticated();
  const found = await lookup(credential);
  if (!found) throw credential.via === "session" ? unauthenticated() : invalidToken();
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
  /** The first org-scoped lookup of a request also settles `identity()`; a later one reuses it. */
  function inOrg<T extends IdentityInOrg>(
    request: FastifyRequest,
    lookup: (credential: Credential) => Promise<T | null>,
  ): Promise<T> {
    const self = request as FastifyRequest & { _identity?: Promise<Identity | null> };
    const found = resolveInOrg(request, lookup);
    self._identity = found.then((f) => f.identity);
    // the failure is thrown to the caller; a later identity() call sees it again, but nobody else need await it
    self._identity.catch(() => {});
    return found;
  }
  const settled = (request: FastifyRequest, orgId: string) =>
    (request as FastifyRequest & { _identity?: unknown })._identity !== undefined || !UUID.test(orgId);
  const activeActor = (actor: Actor | null): Actor => {
    if (!actor) throw notFound("Organization");
    return actor;
  };

  app.decorateRequest("actorFor", async function (this: FastifyRequest, orgId: string) {
    if (settled(this, orgId)) return actorInOrg(opts.ctx, await this.requireIdentity(), orgId);
    const { actor } = await inOrg(this, (c) =>
      c.via === "session"
        ? authenticateSessionInOrg(opts.ctx, c.secret, orgId)
        : authenticateApiTokenInOrg(opts.ctx, c.secret, orgId),
    );
    return activeActor(actor);
  });
  app.decorateRequest("actorWith", async function <
    T,
  >(this: FastifyRequest, orgId: string, along: RecordAlong<T>) {
    if (settled(this, orgId)) {
      const actor = await this.actorFor(orgId);
      return { actor, record: await along.alone(opts.ctx.database.db, orgId) };
    }
    const { actor, record } = await inOrg(this, (c) => authenticateInOrgWith(opts.ctx, c, orgId, along));
    return { actor: activeActor(actor), record };
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
