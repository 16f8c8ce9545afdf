import type { FastifyReply } from "fastify";
import type { NewSession } from "@openaims/app";
import type { ServerConfig } from "./config";
import { CSRF_COOKIE, SESSION_COOKIE } from "./plugins/auth";

/**
 * The session secret goes into an HttpOnly cookie scripts cannot read; the CSRF token into a readable one,
 * which the web client echoes in the X-CSRF-Token header (a cross-site page can read neither).
 */
export function setSessionCookies(reply: FastifyReply, config: ServerConfig, session: NewSession): void {
  const base = {
    path: "/",
    sameSite: "lax" as const,
    secure: config.cookieSecure,
    expires: session.expiresAt,
  };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: ServerConfig): void {
  const base = { path: "/", sameSite: "lax" as const, secure: config.cookieSecure };
  reply.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false });
}
