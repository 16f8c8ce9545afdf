import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  sessionFor,
  TestClient,
  type TestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`API tokens on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    afterEach(() => {
      server.ctx.now = () => new Date();
    });
    after(async () => server?.close());

    const bearer = (token: string) => new TestClient(server.app, { token });
    const create = (client: TestClient, orgId: string, body: Record<string, unknown>) =>
      client.post(`/api/v1/orgs/${orgId}/api-tokens`, body);

    it("creates a token shown once, stores only its hash, and the token works", async () => {
      const { orgId, owner } = await buildOrg(server);
      const member = await buildMember(server, orgId, { role: "contributor" });
      const { client } = await sessionFor(server, member);
      const res = await create(client, orgId, { name: "CI pipeline", expiresInDays: 30 });
      assert.equal(res.statusCode, 201, res.body);
      const { token, apiToken } = res.json();
      assert.ok(token.startsWith("oa_"));
      assert.equal(apiToken.prefix, token.slice(0, 10));
      assert.equal(apiToken.role, "contributor", "defaults to the creator's role");
      assert.equal(apiToken.userId, member.userId);
      assert.equal(apiToken.lastUsedAt, null);
      assert.ok(Date.parse(apiToken.expiresAt) > Date.now() + 29 * 86_400_000);
      const rows = await server.database.db
        .select()
        .from(tables.apiTokens)
        .where(eq(tables.apiTokens.orgId, orgId));
      assert.ok(!JSON.stringify(rows).includes(token), "no plaintext token in the database");
      const list = (await client.get(`/api/v1/orgs/${orgId}/api-tokens`)).json();
      assert.ok(!JSON.stringify(list).includes(token), "nor in the list");
      const events = await auditEventsOf(server, orgId);
      assert.ok(!JSON.stringify(events).includes(token), "nor in the audit trail");
      assert.ok(!JSON.stringify(events).includes(apiToken.prefix.slice(3)), "not even its prefix");

      const me = await bearer(token).get("/api/v1/me");
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().memberships[0].orgId, orgId);
      const [row] = await server.database.db
        .select()
        .from(tables.apiTokens)
        .where(eq(tables.apiTokens.id, apiToken.id));
      assert.ok(row!.lastUsedAt, "last-used time is recorded");
      void owner;
    });

    it("limits a requested role to the creator's own permissions", async () => {
      const { orgId } = await buildOrg(server);
      const auditor = await buildMember(server, orgId, { role: "auditor" });
      const { client } = await sessionFor(server, auditor);
      const higher = await create(client, orgId, { name: "too much", role: "contributor" });
      assert.equal(higher.statusCode, 403);
      const lower = await create(client, orgId, { name: "read only", role: "viewer" });
      assert.equal(lower.statusCode, 201, lower.body);
      assert.equal(lower.json().apiToken.role, "viewer");
      const admin = await buildMember(server, orgId, { role: "admin" });
      const asAdmin = (await sessionFor(server, admin)).client;
      assert.equal((await create(asAdmin, orgId, { name: "owner token", role: "owner" })).statusCode, 403);
      assert.equal((await create(asAdmin, orgId, { name: "admin token", role: "admin" })).statusCode, 201);
    });

    it("gives a narrower token only its own role's powers", async () => {
      const { orgId, owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const { token } = (await create(client, orgId, { name: "viewer", role: "viewer" })).json();
      const res = await bearer(token).patch(`/api/v1/orgs/${orgId}`, { name: "Nope", version: 1 });
      assert.equal(res.statusCode, 403);
    });

    it("stops working once revoked (401), and revoking twice is 409", async () => {
      const { orgId, owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const { token, apiToken } = (await create(client, orgId, { name: "short-lived" })).json();
      assert.equal((await bearer(token).get(`/api/v1/orgs/${orgId}`)).statusCode, 200);
      const res = await client.delete(`/api/v1/orgs/${orgId}/api-tokens/${apiToken.id}`);
      assert.equal(res.statusCode, 204);
      const after = await bearer(token).get(`/api/v1/orgs/${orgId}`);
      assert.equal(after.statusCode, 401);
      assert.equal(after.json().error.code, "unauthenticated");
      assert.equal((await client.delete(`/api/v1/orgs/${orgId}/api-tokens/${apiToken.id}`)).statusCode, 409);
      const listed = (await client.get(`/api/v1/orgs/${orgId}/api-tokens`)).json();
      assert.ok(listed.items.find((t: { id: string }) => t.id === apiToken.id).revokedAt);
      const types = await assertChainIntact(server, orgId);
      assert.deepEqual(types.slice(-2), ["api_token.created", "api_token.revoked"]);
    });

    it("stops working after it expires", async () => {
      const { orgId, owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const { token } = (await create(client, orgId, { name: "a day", expiresInDays: 1 })).json();
      server.ctx.now = () => new Date(Date.now() + 86_400_000 + 1000);
      assert.equal((await bearer(token).get(`/api/v1/orgs/${orgId}`)).statusCode, 401);
    });

    it("cannot be minted by a token", async () => {
      const { orgId, owner } = await buildOrg(server);
      const token = await clientFor(server, owner, orgId);
      assert.equal((await create(token, orgId, { name: "child" })).statusCode, 403);
    });

    it("lists your own tokens, or everyone's with api_token.manage; others' tokens are 404 to revoke", async () => {
      const { orgId, owner } = await buildOrg(server);
      const a = await buildMember(server, orgId, { role: "contributor" });
      const b = await buildMember(server, orgId, { role: "contributor" });
      const asA = (await sessionFor(server, a)).client;
      const asB = (await sessionFor(server, b)).client;
      const tokA = (await create(asA, orgId, { name: "a's" })).json();
      const tokB = (await create(asB, orgId, { name: "b's" })).json();
      const seenByA = (await asA.get(`/api/v1/orgs/${orgId}/api-tokens`)).json();
      assert.deepEqual(
        seenByA.items.map((t: { id: string }) => t.id),
        [tokA.apiToken.id],
      );
      assert.equal(
        (await asA.delete(`/api/v1/orgs/${orgId}/api-tokens/${tokB.apiToken.id}`)).statusCode,
        404,
      );
      const asOwner = (await sessionFor(server, owner)).client;
      const seenByOwner = (await asOwner.get(`/api/v1/orgs/${orgId}/api-tokens`)).json();
      assert.deepEqual(
        new Set(seenByOwner.items.map((t: { userName: string }) => t.userName)),
        new Set([a.email.split("@")[0], b.email.split("@")[0]]),
      );
      assert.equal(
        (await asOwner.delete(`/api/v1/orgs/${orgId}/api-tokens/${tokB.apiToken.id}`)).statusCode,
        204,
      );
    });

    it("pages the list newest first", async () => {
      const { orgId, owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const t0 = Date.now();
      for (let i = 0; i < 3; i++) {
        server.ctx.now = () => new Date(t0 + i * 1000);
        await create(client, orgId, { name: `t${i}` });
      }
      const p1 = (await client.get(`/api/v1/orgs/${orgId}/api-tokens?limit=2`)).json();
      const p2 = (
        await client.get(`/api/v1/orgs/${orgId}/api-tokens?limit=2&cursor=${p1.nextCursor}`)
      ).json();
      assert.deepEqual(
        [...p1.items, ...p2.items].map((t: { name: string }) => t.name),
        ["t2", "t1", "t0"],
      );
      assert.equal(p2.nextCursor, null);
    });

    it("answers 404 for another org's tokens", async () => {
      const mine = await buildOrg(server);
      const theirs = await buildOrg(server);
      const { client } = await sessionFor(server, mine.owner);
      const other = (
        await create((await sessionFor(server, theirs.owner)).client, theirs.orgId, { name: "x" })
      ).json();
      assert.equal((await client.get(`/api/v1/orgs/${theirs.orgId}/api-tokens`)).statusCode, 404);
      assert.equal((await create(client, theirs.orgId, { name: "y" })).statusCode, 404);
      assert.equal(
        (await client.delete(`/api/v1/orgs/${theirs.orgId}/api-tokens/${other.apiToken.id}`)).statusCode,
        404,
      );
      assert.equal(
        (await client.delete(`/api/v1/orgs/${mine.orgId}/api-tokens/${other.apiToken.id}`)).statusCode,
        404,
      );
    });
  });
}
