import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { eq } from "drizzle-orm";
import { hashPassword } from "@openaims/app";
import { tables } from "@openaims/db";
import { buildUser } from "./factories";
import { TestClient, type TestServer } from "./test-server";

export const TEST_PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | null = null;
/** argon2 is slow on purpose; tests share one hash of the test password. */
const testPasswordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

/** A user who can sign in with `TEST_PASSWORD`. */
export async function buildUserWithPassword(
  server: TestServer,
  opts: { email?: string; name?: string } = {},
) {
  return buildUser(server, {
    email: opts.email ?? `person-${randomUUID().slice(0, 8)}@example.test`,
    name: opts.name,
    passwordHash: await testPasswordHash(),
  });
}

export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

export interface SignedIn {
  client: TestClient;
  /** the same session without the CSRF header, to test CSRF refusal */
  withoutCsrf: TestClient;
  sessionToken: string;
  csrfToken: string;
  response: LightMyRequestResponse;
}

/** Signs in through the real endpoint and returns clients that send the session cookie (and CSRF header). */
export async function signInAs(
  server: TestServer,
  email: string,
  password = TEST_PASSWORD,
  opts: { headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<SignedIn> {
  const response = await server.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
    headers: opts.headers,
    remoteAddress: opts.remoteAddress,
  });
  assert.equal(response.statusCode, 200, response.body);
  const sessionToken = cookieOf(response, "openaims_session")!;
  const csrfToken = response.json().csrfToken as string;
  const cookie = `openaims_session=${sessionToken}; openaims_csrf=${csrfToken}`;
  return {
    client: new TestClient(server.app, { cookie, csrf: csrfToken }),
    withoutCsrf: new TestClient(server.app, { cookie }),
    sessionToken,
    csrfToken,
    response,
  };
}

/** Gives an existing member's user the test password and signs them in. */
export async function sessionFor(server: TestServer, member: { userId: string }): Promise<SignedIn> {
  const [user] = await server.database.db
    .update(tables.users)
    .set({ passwordHash: await testPasswordHash() })
    .where(eq(tables.users.id, member.userId))
    .returning();
  return signInAs(server, user!.email);
}
