import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  buildAiSystem,
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  sessionFor,
  type TestServer,
} from "../testing";

// Org-scoped routes resolve the credential and the membership in one query; every change to a token, a
// member, a role or a user must still show on the very next request.
for (const backend of testBackends()) {
  describe(`credential and membership on org routes (${backend})`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    after(async () => server?.close());

    const setup = async (role: "admin" | "contributor" = "admin") => {
      const { orgId } = await buildOrg(server);
      const member = await buildMember(server, orgId, { role });
      const system = await buildAiSystem(server, orgId);
      return { orgId, member, url: `/api/v1/orgs/${orgId}/ai-systems/${system.id}` };
    };
    const { memberships, users, apiTokens, customRoles } = tables;

    it("narrows a token as soon as its member is demoted, and drops it when deactivated", async () => {
      const { orgId, member, url } = await setup("admin");
      const client = await clientFor(server, member, orgId);
      assert.equal((await client.get(url)).json().abilities.archive, true);
      await server.database.db
        .update(memberships)
        .set({ role: "viewer" })
        .where(eq(memberships.id, member.membershipId));
      const demoted = await client.get(url);
      assert.equal(demoted.statusCode, 200);
      assert.deepEqual(
        Object.entries(demoted.json().abilities).filter(([, v]) => v),
        [["read", true]],
      );
      await server.database.db
        .update(memberships)
        .set({ status: "deactivated" })
        .where(eq(memberships.id, member.membershipId));
      const gone = await client.get(url);
      assert.equal(gone.statusCode, 404);
      assert.equal(gone.json().error.code, "not_found");
    });

    it("gives a custom-role token the intersection with its member's role, following role edits", async () => {
      const { orgId, member, url } = await setup("contributor");
      const [role] = await server.database.db
        .insert(customRoles)
        .values({ orgId, name: "Archivist", permissions: ["ai_system.read", "ai_system.archive"] })
        .returning();
      const client = await clientFor(server, member, orgId, { role: null, customRoleId: role!.id });
      // the member (contributor) may not archive, so neither may the token; it may read
      const first = (await client.get(url)).json().abilities;
      assert.equal(first.read, true);
      assert.equal(first.archive, false);
      assert.equal(first.update, false);
      await server.database.db
        .update(customRoles)
        .set({ permissions: ["ai_system.update"] })
        .where(eq(customRoles.id, role!.id));
      const res = await client.get(url);
      assert.equal(res.statusCode, 403, res.body);
    });

    it("refuses a revoked or expired token, and any credential of a disabled user, with 401", async () => {
      const { orgId, member, url } = await setup();
      const revoked = await clientFor(server, member, orgId);
      const expiring = await clientFor(server, member, orgId);
      const tokens = await server.database.db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, member.userId));
      assert.equal((await revoked.get(url)).statusCode, 200);
      await server.database.db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(eq(apiTokens.id, tokens[0]!.id));
      await server.database.db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.id, tokens[1]!.id));
      for (const client of [revoked, expiring]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, "unauthenticated");
      }

      const other = await buildMember(server, orgId, { role: "admin" });
      const token = await clientFor(server, other, orgId);
      const { client: session } = await sessionFor(server, other);
      assert.equal((await token.get(url)).statusCode, 200);
      assert.equal((await session.get(url)).statusCode, 200);
      await server.database.db
        .update(users)
        .set({ disabledAt: new Date() })
        .where(eq(users.id, other.userId));
      assert.equal((await token.get(url)).statusCode, 401);
      assert.equal((await session.get(url)).statusCode, 401);
    });

    it("follows a session member's deactivation and reactivation request by request", async () => {
      const { member, url } = await setup();
      const { client } = await sessionFor(server, member);
      assert.equal((await client.get(url)).statusCode, 200);
      const set = (status: "active" | "deactivated") =>
        server.database.db.update(memberships).set({ status }).where(eq(memberships.id, member.membershipId));
      await set("deactivated");
      assert.equal((await client.get(url)).statusCode, 404);
      await set("active");
      assert.equal((await client.get(url)).statusCode, 200);
    });

    it("ends an idle session on org routes and keeps an active one alive", async () => {
      const { member, url } = await setup();
      const t0 = Date.now();
      server.ctx.now = () => new Date(t0);
      try {
        const { client } = await sessionFor(server, member);
        server.ctx.now = () => new Date(t0 + 50 * 60_000);
        assert.equal((await client.get(url)).statusCode, 200);
        server.ctx.now = () => new Date(t0 + 100 * 60_000); // 50 min after the last request
        assert.equal((await client.get(url)).statusCode, 200);
        server.ctx.now = () => new Date(t0 + 161 * 60_000); // 61 min idle
        assert.equal((await client.get(url)).statusCode, 401);
      } finally {
        server.ctx.now = () => new Date();
      }
    });

    it("answers a malformed Authorization header with 401 even beside a valid session", async () => {
      const { member, url } = await setup();
      const { sessionToken } = await sessionFor(server, member);
      const res = await server.app.inject({
        method: "GET",
        url,
        headers: { authorization: "Token abc", cookie: `openaims_session=${sessionToken}` },
      });
      assert.equal(res.statusCode, 401);
      assert.match(res.json().error.message, /Bearer/);
    });
  });
}
