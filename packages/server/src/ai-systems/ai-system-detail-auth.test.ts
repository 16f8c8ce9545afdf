import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  buildAiSystem,
  buildMember,
  buildOrg,
  createTestServer,
  mintApiToken,
  mountSeparateAiSystemDetail,
  sessionFor,
  TestClient,
  type TestServer,
} from "../testing";

// The detail route reads the system in the statement that resolves the caller's credential
// (`actorWith` + `aiSystemAlong`). The oracle is the path it replaced — `actorFor`, then `getAiSystem` —
// mounted next to it under /separate/…: for every credential and record case both must answer with the same
// status and the same bytes, and keep `last used` / `last seen` the same way.

const { apiTokens, sessions, memberships, users, customRoles } = tables;

for (const backend of testBackends()) {
  describe(`AI system detail: credential and record in one statement (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({
        backend,
        settings: { loginFreeAttempts: 1000 },
        extend: mountSeparateAiSystemDetail,
      });
    });
    after(async () => server?.close());

    /** Both paths with the same credential; returns the combined path's response after checking they agree. */
    const both = async (client: TestClient, orgId: string, id: string, status: number) => {
      const url = `/api/v1/orgs/${orgId}/ai-systems/${id}`;
      const combined: LightMyRequestResponse = await client.get(url);
      const separate: LightMyRequestResponse = await client.get(`/separate${url}`);
      assert.equal(combined.statusCode, status, combined.body);
      assert.equal(separate.statusCode, status, separate.body);
      assert.equal(combined.body, separate.body);
      assert.equal(combined.headers["content-type"], separate.headers["content-type"]);
      return combined;
    };
    const tokenClient = async (member: { userId: string }, orgId: string, opts = {}) =>
      new TestClient(server.app, { token: await mintApiToken(server, member, orgId, opts) });
    const setup = async () => {
      const { orgId, owner } = await buildOrg(server);
      const system = await buildAiSystem(server, orgId, { ownerId: owner.userId });
      return { orgId, owner, system };
    };

    it("answers a valid token and a valid session with the same 200 body", async () => {
      const { orgId, owner, system } = await setup();
      const res = await both(await tokenClient(owner, orgId), orgId, system.id, 200);
      assert.equal(res.json().id, system.id);
      assert.equal(res.json().abilities.archive, true);
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      const { client } = await sessionFor(server, viewer);
      const seen = await both(client, orgId, system.id, 200);
      assert.equal(seen.json().abilities.update, false);
      assert.equal(seen.json().ownerName !== null, true);
    });

    it("refuses revoked and expired tokens, a disabled user, and no or a malformed credential with the same 401", async () => {
      const { orgId, owner, system } = await setup();
      const revoked = await tokenClient(owner, orgId, { name: "revoked" });
      const expired = await tokenClient(owner, orgId, { name: "expired" });
      await server.database.db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(eq(apiTokens.name, "revoked"));
      await server.database.db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.name, "expired"));
      for (const client of [revoked, expired]) {
        assert.equal((await both(client, orgId, system.id, 401)).json().error.code, "unauthenticated");
      }
      const member = await buildMember(server, orgId, { role: "admin" });
      const token = await tokenClient(member, orgId);
      const { client: session } = await sessionFor(server, member);
      await both(token, orgId, system.id, 200);
      await server.database.db
        .update(users)
        .set({ disabledAt: new Date() })
        .where(eq(users.id, member.userId));
      await both(token, orgId, system.id, 401);
      await both(session, orgId, system.id, 401);
      await both(new TestClient(server.app), orgId, system.id, 401);
      const malformed = new TestClient(server.app, { cookie: "openaims_session=nope" });
      await both(malformed, orgId, system.id, 401);
      const res = await server.app.inject({
        method: "GET",
        url: `/api/v1/orgs/${orgId}/ai-systems/${system.id}`,
        headers: { authorization: "Token abc" },
      });
      const sep = await server.app.inject({
        method: "GET",
        url: `/separate/api/v1/orgs/${orgId}/ai-systems/${system.id}`,
        headers: { authorization: "Token abc" },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.body, sep.body);
    });

    it("ends idle and absolutely expired sessions with the same 401, and keeps `last seen` the same way", async () => {
      const { orgId, system } = await setup();
      const member = await buildMember(server, orgId, { role: "viewer" });
      const t0 = Date.now();
      const at = (minutes: number) => (server.ctx.now = () => new Date(t0 + minutes * 60_000));
      try {
        at(0);
        const { client, sessionToken } = await sessionFor(server, member);
        const lastSeen = async () =>
          (
            await server.database.db.select().from(sessions).where(eq(sessions.userId, member.userId))
          )[0]!.lastSeenAt.getTime();
        at(0.5);
        await both(client, orgId, system.id, 200);
        assert.equal(await lastSeen(), t0, "touched at most once a minute");
        at(50);
        await both(client, orgId, system.id, 200);
        assert.equal(await lastSeen(), t0 + 50 * 60_000);
        at(111); // 61 minutes idle
        assert.equal((await both(client, orgId, system.id, 401)).json().error.code, "unauthenticated");
        assert.ok(sessionToken);
        // absolute expiry: active all along, but past its lifetime
        at(200);
        const { client: fresh } = await sessionFor(server, member);
        const hours = server.ctx.settings.sessionAbsoluteHours;
        for (let m = 230; m < 200 + hours * 60; m += 50) {
          at(m);
          await both(fresh, orgId, system.id, 200);
        }
        at(200 + hours * 60 + 1);
        await both(fresh, orgId, system.id, 401);
      } finally {
        server.ctx.now = () => new Date();
      }
    });

    it("touches a token's `last used` at most once a minute on both paths", async () => {
      const { orgId, owner, system } = await setup();
      const t0 = Date.now();
      const at = (seconds: number) => (server.ctx.now = () => new Date(t0 + seconds * 1000));
      const lastUsed = async (name: string) =>
        (
          await server.database.db.select().from(apiTokens).where(eq(apiTokens.name, name))
        )[0]!.lastUsedAt?.getTime() ?? null;
      try {
        const url = `/api/v1/orgs/${orgId}/ai-systems/${system.id}`;
        const name = { combined: `c-${randomUUID()}`, separate: `s-${randomUUID()}` };
        const clients = {
          combined: await tokenClient(owner, orgId, { name: name.combined }),
          separate: await tokenClient(owner, orgId, { name: name.separate }),
        };
        for (const [seconds, expected] of [
          [0, 0],
          [30, 0],
          [61, 61],
          [100, 61],
          [122, 122],
        ] as const) {
          at(seconds);
          assert.equal((await clients.combined.get(url)).statusCode, 200);
          assert.equal((await clients.separate.get(`/separate${url}`)).statusCode, 200);
          assert.equal(await lastUsed(name.combined), t0 + expected * 1000);
          assert.equal(await lastUsed(name.separate), t0 + expected * 1000);
        }
      } finally {
        server.ctx.now = () => new Date();
      }
    });

    it(
      "records a stale token's activity without waiting for its row when another transaction holds it",
      { skip: backend === "pglite" && "PGlite has one connection: no second transaction can hold the row" },
      async () => {
        const { orgId, owner, system } = await setup();
        const name = `locked-${randomUUID()}`;
        const client = await tokenClient(owner, orgId, { name });
        const url = `/api/v1/orgs/${orgId}/ai-systems/${system.id}`;
        const lastUsed = async () =>
          (
            await server.database.db.select().from(apiTokens).where(eq(apiTokens.name, name))
          )[0]!.lastUsedAt?.getTime() ?? null;
        const t0 = Date.now();
        server.ctx.now = () => new Date(t0);
        const holder = await server.database.pool!.connect();
        try {
          assert.equal((await client.get(url)).statusCode, 200);
          assert.equal(await lastUsed(), t0);
          // a minute later the token is stale, and another request's transaction holds its row
          server.ctx.now = () => new Date(t0 + 61_000);
          await holder.query("begin");
          await holder.query("select 1 from api_tokens where name = $1 for update", [name]);
          let timer: NodeJS.Timeout | undefined;
          const outcome = await Promise.race([
            client.get(url),
            new Promise<"waited">((resolve) => (timer = setTimeout(() => resolve("waited"), 5_000))),
          ]);
          clearTimeout(timer);
          assert.notEqual(outcome, "waited", "the request waited for the row another transaction holds");
          assert.equal((outcome as LightMyRequestResponse).statusCode, 200);
          await holder.query("rollback");
          assert.equal(await lastUsed(), t0, "the holder records the time; this request went on");
          // with the row free, the next request records it
          assert.equal((await client.get(url)).statusCode, 200);
          assert.equal(await lastUsed(), t0 + 61_000);
        } finally {
          await holder.query("rollback").catch(() => undefined);
          holder.release();
          server.ctx.now = () => new Date();
        }
      },
    );

    it("answers a deactivated member and a member of another organization with the same 404", async () => {
      const { orgId, system } = await setup();
      const member = await buildMember(server, orgId, { role: "admin" });
      const token = await tokenClient(member, orgId);
      const { client: session } = await sessionFor(server, member);
      await server.database.db
        .update(memberships)
        .set({ status: "deactivated" })
        .where(eq(memberships.id, member.membershipId));
      for (const client of [token, session]) {
        assert.equal((await both(client, orgId, system.id, 404)).json().error.code, "not_found");
      }
      // someone of another organization, with a valid token of theirs and a session
      const other = await buildOrg(server);
      const otherToken = await tokenClient(other.owner, other.orgId);
      const { client: otherSession } = await sessionFor(server, other.owner);
      await both(otherToken, orgId, system.id, 404);
      await both(otherSession, orgId, system.id, 404);
      // a member of both organizations, with a token of the other one
      const both2 = await buildMember(server, orgId, { role: "admin", userId: other.owner.userId });
      assert.ok(both2.membershipId);
      await both(otherToken, orgId, system.id, 404);
      await both(otherSession, orgId, system.id, 200);
    });

    it("answers a custom role without read with the same 403, and a missing or another org's system with 404 first", async () => {
      const { orgId, system } = await setup();
      const [role] = await server.database.db
        .insert(customRoles)
        .values({ orgId, name: `No read ${randomUUID().slice(0, 6)}`, permissions: ["ai_system.update"] })
        .returning();
      const member = await buildMember(server, orgId, { customRoleId: role!.id });
      const token = await tokenClient(member, orgId);
      const { client: session } = await sessionFor(server, member);
      for (const client of [token, session]) {
        assert.equal((await both(client, orgId, system.id, 403)).json().error.code, "forbidden");
        await both(client, orgId, randomUUID(), 404); // not there: 404 before the permission
      }
      // the role gains read: the next request sees it
      await server.database.db
        .update(customRoles)
        .set({ permissions: ["ai_system.read"] })
        .where(eq(customRoles.id, role!.id));
      await both(token, orgId, system.id, 200);

      const owner = await tokenClient(await buildMember(server, orgId, { role: "owner" }), orgId);
      const elsewhere = await setup();
      await both(owner, orgId, randomUUID(), 404);
      const res = await both(owner, orgId, elsewhere.system.id, 404);
      assert.equal(res.json().error.code, "not_found");
      // the other org's own owner reads it under its own org only
      await both(
        await tokenClient(elsewhere.owner, elsewhere.orgId),
        elsewhere.orgId,
        elsewhere.system.id,
        200,
      );
    });

    it("answers an archived system and one without an owner the same way", async () => {
      const { orgId, owner } = await setup();
      const archived = await buildAiSystem(server, orgId, { archivedAt: new Date(), ownerId: null });
      const client = await tokenClient(owner, orgId);
      const res = await both(client, orgId, archived.id, 200);
      assert.equal(res.json().ownerName, null);
      assert.notEqual(res.json().archivedAt, null);
    });
  });
}
