import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { actorInOrg, changeMemberRole, deactivateMember, type Identity } from "@openaims/app";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildMember,
  buildOrg,
  buildUserWithPassword,
  clientFor,
  createTestServer,
  sessionFor,
  signInAs,
  type TestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`members on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    after(async () => server?.close());

    const membership = async (id: string) =>
      (await server.database.db.select().from(tables.memberships).where(eq(tables.memberships.id, id)))[0]!;

    it("lists members by e-mail with search, status filter, total and keyset paging", async () => {
      const { orgId, owner } = await buildOrg(server);
      for (const name of ["carol", "alice", "bob", "dave"]) {
        await buildMember(server, orgId, {
          email: `${name}-${orgId.slice(0, 6)}@example.test`,
          role: "viewer",
        });
      }
      await buildMember(server, orgId, {
        email: `erin-${orgId.slice(0, 6)}@example.test`,
        status: "deactivated",
      });
      const client = await clientFor(server, owner, orgId);
      const q = orgId.slice(0, 6);
      const first = await client.get(`/api/v1/orgs/${orgId}/members?limit=2&q=${q}`);
      assert.equal(first.statusCode, 200, first.body);
      const p1 = first.json();
      assert.equal(p1.total, 5);
      assert.deepEqual(
        p1.items.map((m: { email: string }) => m.email.split("-")[0]),
        ["alice", "bob"],
      );
      const p2 = (
        await client.get(`/api/v1/orgs/${orgId}/members?limit=2&q=${q}&cursor=${p1.nextCursor}`)
      ).json();
      assert.deepEqual(
        p2.items.map((m: { email: string }) => m.email.split("-")[0]),
        ["carol", "dave"],
      );
      const p3 = (
        await client.get(`/api/v1/orgs/${orgId}/members?limit=2&q=${q}&cursor=${p2.nextCursor}`)
      ).json();
      assert.deepEqual(
        p3.items.map((m: { email: string }) => m.email.split("-")[0]),
        ["erin"],
      );
      assert.equal(p3.nextCursor, null);
      const deactivated = (await client.get(`/api/v1/orgs/${orgId}/members?status=deactivated`)).json();
      assert.equal(deactivated.total, 1);
      assert.equal(deactivated.items[0].status, "deactivated");
      const search = (await client.get(`/api/v1/orgs/${orgId}/members?q=BOB`)).json();
      assert.equal(search.total, 1);
      assert.equal(search.items[0].roleLabel, "Viewer");
      // Abilities are the caller's: this caller is an API token, and tokens manage nobody.
      assert.equal(search.items[0].abilities.read, true);
      assert.equal(search.items[0].abilities.updateRole, false);
    });

    it("treats % and _ in the search literally, rejects a bad cursor and an oversized page", async () => {
      const { orgId, owner } = await buildOrg(server);
      const client = await clientFor(server, owner, orgId);
      assert.equal((await client.get(`/api/v1/orgs/${orgId}/members?q=%25`)).json().total, 0);
      const bad = await client.get(`/api/v1/orgs/${orgId}/members?cursor=garbage`);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, "cursor");
      const forged = Buffer.from(JSON.stringify(["a", "not-a-uuid"])).toString("base64url");
      assert.equal((await client.get(`/api/v1/orgs/${orgId}/members?cursor=${forged}`)).statusCode, 400);
      assert.equal((await client.get(`/api/v1/orgs/${orgId}/members?limit=201`)).statusCode, 400);
    });

    it("changes a member's role with the current version and records the diff", async () => {
      const { orgId, owner } = await buildOrg(server);
      const m = await buildMember(server, orgId, { role: "viewer" });
      const { client } = await sessionFor(server, owner);
      const res = await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: "contributor",
        version: 1,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().role, "contributor");
      assert.equal(res.json().roleLabel, "Contributor");
      assert.equal(res.json().version, 2);
      const stale = await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: "auditor",
        version: 1,
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      assert.deepEqual(await assertChainIntact(server, orgId), ["session.signed_in", "member.role_changed"]);
      const [, e] = await auditEventsOf(server, orgId);
      assert.deepEqual((e!.payload as { diff: unknown }).diff, { role: ["viewer", "contributor"] });
    });

    it("keeps admins away from owners and from granting owner; owners may do both", async () => {
      const { orgId, owner } = await buildOrg(server);
      const admin = await buildMember(server, orgId, { role: "admin" });
      const other = await buildMember(server, orgId, { role: "viewer" });
      const adminUser = await buildUserWithPassword(server);
      await server.database.db
        .update(tables.memberships)
        .set({ userId: adminUser.id })
        .where(eq(tables.memberships.id, admin.membershipId));
      const { client: asAdmin } = await signInAs(server, adminUser.email);
      const path = (id: string) => `/api/v1/orgs/${orgId}/members/${id}`;
      assert.equal(
        (await asAdmin.patch(path(owner.membershipId), { role: "viewer", version: 1 })).statusCode,
        403,
      );
      assert.equal(
        (await asAdmin.post(`${path(owner.membershipId)}/deactivate`, { version: 1 })).statusCode,
        403,
      );
      assert.equal(
        (await asAdmin.patch(path(other.membershipId), { role: "owner", version: 1 })).statusCode,
        403,
      );
      assert.equal(
        (await asAdmin.patch(path(other.membershipId), { role: "admin", version: 1 })).statusCode,
        200,
      );
      const asOwner = await signInAs(server, (await buildOwnerUser(orgId, owner.membershipId)).email);
      const promoted = await asOwner.client.patch(path(other.membershipId), { role: "owner", version: 2 });
      assert.equal(promoted.statusCode, 200, promoted.body);
    });

    async function buildOwnerUser(orgId: string, membershipId: string) {
      const user = await buildUserWithPassword(server);
      await server.database.db
        .update(tables.memberships)
        .set({ userId: user.id })
        .where(and(eq(tables.memberships.id, membershipId), eq(tables.memberships.orgId, orgId)));
      return user;
    }

    it("lets nobody change or deactivate themselves", async () => {
      const { orgId, owner } = await buildOrg(server);
      const user = await buildOwnerUser(orgId, owner.membershipId);
      const { client } = await signInAs(server, user.email);
      const path = `/api/v1/orgs/${orgId}/members/${owner.membershipId}`;
      assert.equal((await client.patch(path, { role: "admin", version: 1 })).statusCode, 403);
      assert.equal((await client.post(`${path}/deactivate`, { version: 1 })).statusCode, 403);
    });

    it("refuses API tokens for member management, whatever their role", async () => {
      const { orgId, owner } = await buildOrg(server);
      const m = await buildMember(server, orgId, { role: "viewer" });
      const token = await clientFor(server, owner, orgId);
      const res = await token.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: "admin",
        version: 1,
      });
      assert.equal(res.statusCode, 403);
    });

    it("lets one owner demote another, but protects the last active owner", async () => {
      const { orgId, owner } = await buildOrg(server);
      const second = await buildMember(server, orgId, { role: "owner" });
      const ownerUser = await buildOwnerUser(orgId, owner.membershipId);
      const { client } = await signInAs(server, ownerUser.email);
      const res = await client.patch(`/api/v1/orgs/${orgId}/members/${second.membershipId}`, {
        role: "admin",
        version: 1,
      });
      assert.equal(res.statusCode, 200, res.body);

      // Two owners acting at once: each was an active owner when their request was authenticated; whichever
      // commits second must find that it would leave no owner.
      const third = await buildMember(server, orgId, { role: "owner" });
      const thirdActor = await actorInOrg(server.ctx, sessionIdentity(third.userId), orgId);
      const ownerActor = await actorInOrg(server.ctx, sessionIdentity(ownerUser.id), orgId);
      const meta = { requestId: "race" };
      await changeMemberRole(server.ctx, thirdActor, owner.membershipId, { role: "admin", version: 1 }, meta);
      await assert.rejects(
        changeMemberRole(server.ctx, ownerActor, third.membershipId, { role: "admin", version: 1 }, meta),
        (e: { code?: string; message?: string }) =>
          e.code === "invalid_state" && /last active owner/.test(e.message!),
      );
      await assert.rejects(
        deactivateMember(server.ctx, ownerActor, third.membershipId, { version: 1 }, meta),
        (e: { code?: string }) => e.code === "invalid_state",
      );
      assert.equal((await membership(third.membershipId)).role, "owner");
    });

    const sessionIdentity = (userId: string): Identity => ({
      userId,
      email: "x@example.test",
      name: "x",
      isInstanceAdmin: false,
      via: "session",
      sessionId: null,
      csrfToken: null,
      token: null,
    });

    it("deactivates a member and revokes their API tokens in this org only", async () => {
      const { orgId, owner } = await buildOrg(server);
      const other = await buildOrg(server);
      const m = await buildMember(server, orgId, { role: "contributor" });
      await buildMember(server, other.orgId, { userId: m.userId, role: "contributor" });
      const theirToken = await clientFor(server, m, orgId);
      const elsewhere = await clientFor(server, m, other.orgId);
      assert.equal((await theirToken.get(`/api/v1/orgs/${orgId}`)).statusCode, 200);
      const { client } = await sessionFor(server, owner);
      const res = await client.post(`/api/v1/orgs/${orgId}/members/${m.membershipId}/deactivate`, {
        version: 1,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, "deactivated");
      assert.equal(res.json().abilities.reactivate, true);
      assert.equal((await theirToken.get(`/api/v1/orgs/${orgId}`)).statusCode, 401);
      assert.equal((await elsewhere.get(`/api/v1/orgs/${other.orgId}`)).statusCode, 200);
    });

    it("deactivates and reactivates through a session, with events and state checks", async () => {
      const { orgId, owner } = await buildOrg(server);
      const m = await buildMember(server, orgId, { role: "contributor" });
      await clientFor(server, m, orgId);
      const user = await buildOwnerUser(orgId, owner.membershipId);
      const { client } = await signInAs(server, user.email);
      const path = `/api/v1/orgs/${orgId}/members/${m.membershipId}`;
      assert.equal((await client.post(`${path}/reactivate`, { version: 1 })).statusCode, 409);
      const off = await client.post(`${path}/deactivate`, { version: 1 });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal((await client.post(`${path}/deactivate`, { version: 2 })).statusCode, 409);
      const on = await client.post(`${path}/reactivate`, { version: 2 });
      assert.equal(on.statusCode, 200, on.body);
      assert.equal(on.json().status, "active");
      assert.equal(on.json().role, "contributor");
      const types = await assertChainIntact(server, orgId);
      assert.deepEqual(types, [
        "session.signed_in",
        "member.deactivated",
        "api_token.revoked",
        "member.reactivated",
      ]);
      const events = await auditEventsOf(server, orgId);
      assert.deepEqual((events[1]!.payload as { diff: unknown }).diff, { status: ["active", "deactivated"] });
      const tokens = await server.database.db
        .select()
        .from(tables.apiTokens)
        .where(eq(tables.apiTokens.userId, m.userId));
      assert.ok(
        tokens.every((t) => t.revokedAt !== null),
        "reactivation does not revive tokens",
      );
    });

    it("answers 404 for a member of another org", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const inB = await buildMember(server, b.orgId, { role: "viewer" });
      const user = await buildOwnerUser(a.orgId, a.owner.membershipId);
      const { client } = await signInAs(server, user.email);
      const res = await client.patch(`/api/v1/orgs/${a.orgId}/members/${inB.membershipId}`, {
        role: "admin",
        version: 1,
      });
      assert.equal(res.statusCode, 404);
      assert.equal(
        (await client.post(`/api/v1/orgs/${a.orgId}/members/${inB.membershipId}/deactivate`, { version: 1 }))
          .statusCode,
        404,
      );
    });
  });
}
