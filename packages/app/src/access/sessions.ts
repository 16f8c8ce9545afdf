import { randomBytes } from "node:crypto";
import { tables, type Executor } from "@openaims/db";
import type { UserView } from "@openaims/core";
import type { AppContext, RequestMeta } from "../shared/context";
import { hashSecret, newSecret } from "../shared/tokens";

/** A session just opened: the secret goes into the cookie once and is never stored in clear. */
export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Opens a session inside the caller's transaction. Absolute expiry is fixed here; idle expiry is enforced on
 * every request by `authenticateSession` through `lastSeenAt`.
 */
export async function openSession(
  tx: Executor,
  ctx: AppContext,
  userId: string,
  meta: RequestMeta,
): Promise<NewSession> {
  const now = ctx.now();
  const token = newSecret("oas_");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionAbsoluteHours * 3_600_000);
  const [row] = await tx
    .insert(tables.sessions)
    .values({
      tokenHash: hashSecret(token),
      csrfToken,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    })
    .returning({ id: tables.sessions.id });
  return { id: row!.id, token, csrfToken, expiresAt };
}

export const userViewOf = (u: {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
}): UserView => ({ id: u.id, email: u.email, name: u.name, isInstanceAdmin: u.isInstanceAdmin });

/** The context a session event records: where it came from, never the secret. */
export const sessionEventPayload = (meta: RequestMeta) => ({
  ip: meta.ip ?? null,
  userAgent: meta.userAgent?.slice(0, 300) ?? null,
});
