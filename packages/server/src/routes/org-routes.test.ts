import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
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
  signInAs,
  type TestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`organizations on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    after(async () => server?.close());

    const setOrgCreation = async (value: string | null) => {
      await server.database.db
        .delete(tables.instanceSettings)
        .where(eq(tables.instanceSettings.key, "org_creation"));
      if (value)
        await server.database.db.insert(tables.instanceSettings).values({ key: "org_creation", value });
    };
    const instanceAdmin = async () => {
      const user = await buildUserWithPassword(server);
      await server.database.db
        .update(tables.users)
        .set({ isInstanceAdmin: true })
        .where(eq(tables.users.id, user.id));
      return user;
    };

    it("lets an instance admin create an org and makes them its owner, starting its audit chain", async () => {
      await setOrgCreation(null);
      const admin = await instanceAdmin();
      const { client } = await signInAs(server, admin.email);
      assert.equal((await client.get("/api/v1/me")).json().canCreateOrg, true);
      const res = await client.post("/api/v1/orgs", { name: "  Acme AI  " });
      assert.equal(res.statusCode, 201, res.body);
      const org = res.json();
      assert.equal(org.name, "Acme AI");
      assert.equal(org.version, 1);
      assert.deepEqual(org.abilities, { read: true, update: true });
      const [m] = await server.database.db
        .select()
        .from(tables.memberships)
        .where(eq(tables.memberships.orgId, org.id));
      assert.equal(m!.userId, admin.id);
      assert.equal(m!.role, "owner");
      assert.deepEqual(await assertChainIntact(server, org.id), ["org.created", "member.added"]);
      const me = (await client.get("/api/v1/me")).json();
      assert.ok(
        me.memberships.some((x: { orgId: string; role: string }) => x.orgId === org.id && x.role === "owner"),
      );
    });

    it("refuses org creation to non-admins by default, and allows it when the instance says any_user", async () => {
      await setOrgCreation(null);
      const user = await buildUserWithPassword(server);
      const { client } = await signInAs(server, user.email);
      assert.equal((await client.get("/api/v1/me")).json().canCreateOrg, false);
      const refused = await client.post("/api/v1/orgs", { name: "Mine" });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, "forbidden");
      await setOrgCreation("any_user");
      try {
        assert.equal((await client.get("/api/v1/me")).json().canCreateOrg, true);
        assert.equal((await client.post("/api/v1/orgs", { name: "Mine" })).statusCode, 201);
      } finally {
        await setOrgCreation(null);
      }
    });

    it("never lets an API token create an org", async () => {
      await setOrgCreation("any_user");
      try {
        const { orgId, owner } = await buildOrg(server);
        const token = await clientFor(server, owner, orgId);
        const res = await token.post("/api/v1/orgs", { name: "Via token" });
        assert.equal(res.statusCode, 403);
      } finally {
        await setOrgCreation(null);
      }
    });

    it("validates the org name", async () => {
      const admin = await instanceAdmin();
      const { client } = await signInAs(server, admin.email);
      const res = await client.post("/api/v1/orgs", { name: "   " });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details.issues[0].path, "name");
      const extra = await client.post("/api/v1/orgs", { name: "X", plan: "gold" });
      assert.equal(extra.statusCode, 400);
    });

    it("shows an org with abilities that follow the role", async () => {
      const { orgId } = await buildOrg(server, { name: "Shown" });
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      const res = await (await clientFor(server, viewer, orgId)).get(`/api/v1/orgs/${orgId}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().name, "Shown");
      assert.deepEqual(res.json().abilities, { read: true, update: false });
    });

    it("renames an org with the current version, records the diff, and refuses a stale version", async () => {
      const { orgId, owner } = await buildOrg(server, { name: "Old name" });
      const client = await clientFor(server, owner, orgId);
      const res = await client.patch(`/api/v1/orgs/${orgId}`, { name: "New name", version: 1 });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().version, 2);
      const stale = await client.patch(`/api/v1/orgs/${orgId}`, { name: "Newer", version: 1 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      assert.deepEqual(await assertChainIntact(server, orgId), ["org.updated"]);
      const [event] = await auditEventsOf(server, orgId);
      assert.deepEqual((event!.payload as { diff: unknown }).diff, { name: ["Old name", "New name"] });
      assert.equal(event!.actorId, owner.userId);
    });

    it("refuses a rename by a role without org.update", async () => {
      const { orgId } = await buildOrg(server);
      const lead = await buildMember(server, orgId, { role: "governance_lead" });
      const res = await (
        await clientFor(server, lead, orgId)
      ).patch(`/api/v1/orgs/${orgId}`, {
        name: "Nope",
        version: 1,
      });
      assert.equal(res.statusCode, 403);
    });

    it("answers 404 for an org the caller is not an active member of", async () => {
      const mine = await buildOrg(server);
      const theirs = await buildOrg(server);
      const client = await clientFor(server, mine.owner, mine.orgId);
      for (const res of [
        await client.get(`/api/v1/orgs/${theirs.orgId}`),
        await client.patch(`/api/v1/orgs/${theirs.orgId}`, { name: "Mine now", version: 1 }),
        await client.get("/api/v1/orgs/00000000-0000-4000-8000-000000000000"),
      ]) {
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, "not_found");
      }
    });
  });
}
