import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { builtinRoles, permissions } from "@openaims/core";
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
  type TestServer,
  type TestClient,
} from "../testing";

for (const backend of testBackends()) {
  describe(`custom roles on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    after(async () => server?.close());

    async function ownerSession() {
      const org = await buildOrg(server);
      return { ...org, client: (await sessionFor(server, org.owner)).client };
    }
    const createRole = (client: TestClient, orgId: string, body: Record<string, unknown>) =>
      client.post(`/api/v1/orgs/${orgId}/roles`, body);

    it("lists built-in roles with permissions and the permission catalogue with descriptions", async () => {
      const { orgId, owner } = await buildOrg(server);
      const res = await (await clientFor(server, owner, orgId)).get(`/api/v1/orgs/${orgId}/roles`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(
        body.builtin.map((r: { key: string }) => r.key),
        [...builtinRoles],
      );
      const viewer = body.builtin.find((r: { key: string }) => r.key === "viewer");
      assert.equal(viewer.label, "Viewer");
      assert.deepEqual(viewer.permissions, [
        "org.read",
        "member.read",
        "ai_system.read",
        "aims.read",
        "concern.report",
      ]);
      assert.equal(body.permissions.length, permissions.length);
      assert.ok(body.permissions.every((p: { description: string }) => p.description.length > 0));
      assert.deepEqual(body.custom, []);
    });

    it("creates a custom role, assigns it, and its permissions take effect (and change with it)", async () => {
      const { orgId, client } = await ownerSession();
      const created = await createRole(client, orgId, {
        name: "Register keeper",
        description: "Keeps the AI register",
        permissions: ["ai_system.read", "org.read", "ai_system.read"],
      });
      assert.equal(created.statusCode, 201, created.body);
      const role = created.json();
      assert.equal(role.key, `custom:${role.id}`);
      assert.deepEqual(role.permissions, ["org.read", "ai_system.read"], "deduplicated, in catalogue order");
      assert.equal(role.memberCount, 0);

      const m = await buildMember(server, orgId, { role: "viewer" });
      const assigned = await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: role.key,
        version: 1,
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json().role, role.key);
      assert.equal(assigned.json().roleLabel, "Register keeper");

      const asMember = await sessionFor(server, m);
      const me = (await asMember.client.get("/api/v1/me")).json();
      assert.deepEqual(me.memberships[0].permissions, ["org.read", "ai_system.read"]);
      assert.equal((await asMember.client.get(`/api/v1/orgs/${orgId}`)).statusCode, 200);
      assert.equal((await asMember.client.get(`/api/v1/orgs/${orgId}/members`)).statusCode, 403);

      const updated = await client.patch(`/api/v1/orgs/${orgId}/roles/${role.id}`, {
        name: "Register keeper",
        description: "Keeps the AI register",
        permissions: ["org.read", "ai_system.read", "member.read"],
        version: 1,
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().version, 2);
      assert.equal(updated.json().memberCount, 1);
      assert.equal((await asMember.client.get(`/api/v1/orgs/${orgId}/members`)).statusCode, 200);

      const list = (await client.get(`/api/v1/orgs/${orgId}/roles`)).json();
      assert.equal(list.custom.length, 1);
      assert.equal(list.custom[0].memberCount, 1);

      const events = await auditEventsOf(server, orgId);
      const upd = events.find((e) => e.type === "custom_role.updated")!;
      assert.deepEqual((upd.payload as { diff: unknown }).diff, {
        permissions: [
          ["org.read", "ai_system.read"],
          ["org.read", "member.read", "ai_system.read"],
        ],
      });
    });

    it("keeps role names unique per org and refuses a stale update", async () => {
      const { orgId, client } = await ownerSession();
      const body = { name: "Reviewers", permissions: ["org.read"] };
      const first = (await createRole(client, orgId, body)).json();
      const dup = await createRole(client, orgId, body);
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, "conflict");
      const other = await ownerSession();
      assert.equal(
        (await createRole(other.client, other.orgId, body)).statusCode,
        201,
        "another org may reuse it",
      );
      const second = (await createRole(client, orgId, { name: "Second", permissions: ["org.read"] })).json();
      const rename = await client.patch(`/api/v1/orgs/${orgId}/roles/${second.id}`, {
        name: "Reviewers",
        description: "",
        permissions: ["org.read"],
        version: 1,
      });
      assert.equal(rename.statusCode, 409);
      const stale = await client.patch(`/api/v1/orgs/${orgId}/roles/${first.id}`, {
        name: "Reviewers",
        description: "changed",
        permissions: ["org.read"],
        version: 7,
      });
      assert.equal(stale.statusCode, 409);
    });

    it("refuses deleting a role while a member, a pending invitation or a token holds it; then deletes it", async () => {
      const { orgId, client, owner } = await ownerSession();
      const role = (
        await createRole(client, orgId, { name: "Temp", permissions: ["org.read", "member.read"] })
      ).json();
      const path = `/api/v1/orgs/${orgId}/roles/${role.id}`;

      const m = await buildMember(server, orgId, { customRoleId: role.id, status: "deactivated" });
      const byMember = await client.delete(path);
      assert.equal(byMember.statusCode, 409);
      assert.deepEqual(byMember.json().error.details, { members: 1, invitations: 0, apiTokens: 0 });
      await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, { role: "viewer", version: 1 });

      const inv = (
        await client.post(`/api/v1/orgs/${orgId}/invitations`, { email: "temp@example.test", role: role.key })
      ).json();
      assert.equal((await client.delete(path)).json().error.details.invitations, 1);
      await client.delete(`/api/v1/orgs/${orgId}/invitations/${inv.invitation.id}`);

      const tok = (
        await client.post(`/api/v1/orgs/${orgId}/api-tokens`, { name: "ci", role: role.key })
      ).json();
      assert.equal((await client.delete(path)).json().error.details.apiTokens, 1);
      await client.delete(`/api/v1/orgs/${orgId}/api-tokens/${tok.apiToken.id}`);

      const res = await client.delete(path);
      assert.equal(res.statusCode, 204, res.body);
      const [row] = await server.database.db
        .select()
        .from(tables.customRoles)
        .where(eq(tables.customRoles.id, role.id));
      assert.ok(row!.deletedAt, "soft-deleted");
      const list = (await client.get(`/api/v1/orgs/${orgId}/roles`)).json();
      assert.equal(list.custom.length, 0);
      assert.equal((await client.delete(path)).statusCode, 404);
      // The name is free again, and the deleted role can no longer be granted.
      assert.equal(
        (await createRole(client, orgId, { name: "Temp", permissions: ["org.read"] })).statusCode,
        201,
      );
      const grant = await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: role.key,
        version: 2,
      });
      assert.equal(grant.statusCode, 400);
      const types = await assertChainIntact(server, orgId);
      assert.ok(types.includes("custom_role.created") && types.includes("custom_role.deleted"));
      void owner;
    });

    it("lets a non-owner grant and define only what they hold themselves", async () => {
      const { orgId, client } = await ownerSession();
      const managerRole = (
        await createRole(client, orgId, {
          name: "People manager",
          permissions: ["org.read", "member.read", "member.update", "role.read", "role.manage"],
        })
      ).json();
      const wider = (
        await createRole(client, orgId, { name: "Wider", permissions: ["org.read", "ai_system.create"] })
      ).json();
      const narrower = (
        await createRole(client, orgId, { name: "Narrower", permissions: ["org.read", "member.read"] })
      ).json();
      const manager = await buildMember(server, orgId, { customRoleId: managerRole.id });
      const target = await buildMember(server, orgId, { role: "viewer" });
      const asManager = (await sessionFor(server, manager)).client;
      const path = `/api/v1/orgs/${orgId}/members/${target.membershipId}`;
      const up = await asManager.patch(path, { role: wider.key, version: 1 });
      assert.equal(up.statusCode, 403);
      assert.deepEqual(up.json().error.details.missing, ["ai_system.create"]);
      assert.equal((await asManager.patch(path, { role: "contributor", version: 1 })).statusCode, 403);
      assert.equal((await asManager.patch(path, { role: narrower.key, version: 1 })).statusCode, 200);
      assert.equal(
        (await createRole(asManager, orgId, { name: "Sneaky", permissions: ["org.update"] })).statusCode,
        403,
      );
      assert.equal(
        (await createRole(asManager, orgId, { name: "Fine", permissions: ["member.read"] })).statusCode,
        201,
      );
    });

    it("allows role management only with role.manage and never through a token", async () => {
      const { orgId, owner } = await buildOrg(server);
      const lead = await buildMember(server, orgId, { role: "governance_lead" });
      const asLead = (await sessionFor(server, lead)).client;
      assert.equal((await asLead.get(`/api/v1/orgs/${orgId}/roles`)).statusCode, 200);
      assert.equal(
        (await createRole(asLead, orgId, { name: "X", permissions: ["org.read"] })).statusCode,
        403,
      );
      const token = await clientFor(server, owner, orgId);
      assert.equal(
        (await createRole(token, orgId, { name: "X", permissions: ["org.read"] })).statusCode,
        403,
      );
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      assert.equal(
        (await (await clientFor(server, viewer, orgId)).get(`/api/v1/orgs/${orgId}/roles`)).statusCode,
        403,
      );
    });

    it("validates role input", async () => {
      const { orgId, client } = await ownerSession();
      const none = await createRole(client, orgId, { name: "Empty", permissions: [] });
      assert.equal(none.statusCode, 400);
      assert.equal(none.json().error.details.issues[0].path, "permissions");
      const unknown = await createRole(client, orgId, { name: "Bad", permissions: ["launch.missiles"] });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.details.issues[0].path, /^permissions/);
    });

    it("answers 404 for another org's roles", async () => {
      const { orgId, client } = await ownerSession();
      const other = await ownerSession();
      const theirs = (
        await createRole(other.client, other.orgId, { name: "Theirs", permissions: ["org.read"] })
      ).json();
      assert.equal((await client.get(`/api/v1/orgs/${other.orgId}/roles`)).statusCode, 404);
      const body = { name: "Mine", description: "", permissions: ["org.read"], version: 1 };
      assert.equal((await client.patch(`/api/v1/orgs/${orgId}/roles/${theirs.id}`, body)).statusCode, 404);
      assert.equal((await client.delete(`/api/v1/orgs/${orgId}/roles/${theirs.id}`)).statusCode, 404);
      // Nor can another org's custom role be granted here.
      const m = await buildMember(server, orgId, { role: "viewer" });
      const grant = await client.patch(`/api/v1/orgs/${orgId}/members/${m.membershipId}`, {
        role: theirs.key,
        version: 1,
      });
      assert.equal(grant.statusCode, 400);
    });
  });
}
