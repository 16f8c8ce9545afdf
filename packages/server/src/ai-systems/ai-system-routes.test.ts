import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  buildMember,
  buildOrg,
  orgFootprint,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const expectedAbilities: Record<BuiltinRole, Record<string, boolean>> = {
  owner: { read: true, create: true, update: true, archive: true, restore: true, import: true },
  admin: { read: true, create: true, update: true, archive: true, restore: true, import: true },
  governance_lead: { read: true, create: true, update: true, archive: true, restore: true, import: true },
  contributor: { read: true, create: true, update: true, archive: false, restore: false, import: true },
  auditor: { read: true, create: false, update: false, archive: false, restore: false, import: false },
  viewer: { read: true, create: false, update: false, archive: false, restore: false, import: false },
};

for (const backend of testBackends()) {
  describe(`AI system routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, base: `${base}/ai-systems`, as };
    }
    const create = async (c: TestClient, base: string, body: Record<string, unknown> = {}) => {
      const res = await c.post(base, { name: "Credit scoring", ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    it("registers a system with defaults, the owner's name and the caller's abilities", async () => {
      const { org, owner, base } = await setup();
      const res = await owner.post(base, {
        name: "  Credit scoring  ",
        purpose: "Decide on loans",
        ownerId: org.owner.userId,
        aiRoles: ["provider", "provider"],
        tags: ["finance", "finance", "eu"],
      });
      assert.equal(res.statusCode, 201);
      const s = res.json();
      assert.equal(s.name, "Credit scoring");
      assert.equal(s.lifecycleStage, "idea");
      assert.equal(s.aiType, "ml");
      assert.deepEqual(s.aiRoles, ["provider"]);
      assert.deepEqual(s.tags, ["finance", "eu"]);
      assert.equal(s.ownerId, org.owner.userId);
      assert.match(s.ownerName, /^user-/);
      assert.equal(s.version, 1);
      assert.equal(s.archivedAt, null);
      assert.deepEqual(s.abilities, expectedAbilities.owner);
      const got = await owner.get(`${base}/${s.id}`);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.json(), s);
    });

    for (const role of builtinRoles) {
      it(`gives a ${role} the abilities of its role, and enforces them`, async () => {
        const { owner, base, as } = await setup();
        const s = await create(owner, base);
        const c = await as(role);
        const got = await c.get(`${base}/${s.id}`);
        assert.equal(got.statusCode, 200);
        assert.deepEqual(got.json().abilities, expectedAbilities[role]);
        const list = await c.get(base);
        assert.equal(list.json().abilities.create, expectedAbilities[role].create);

        const created = await c.post(base, { name: "By " + role });
        assert.equal(created.statusCode, expectedAbilities[role].create ? 201 : 403, created.body);
        const patched = await c.patch(`${base}/${s.id}`, { version: 1, purpose: "changed by " + role });
        assert.equal(patched.statusCode, expectedAbilities[role].update ? 200 : 403, patched.body);
        const version = patched.statusCode === 200 ? 2 : 1;
        const archived = await c.post(`${base}/${s.id}/archive`, { version });
        assert.equal(archived.statusCode, expectedAbilities[role].archive ? 200 : 403, archived.body);
        if (archived.statusCode === 403) assert.equal(archived.json().error.code, "forbidden");
      });
    }

    it("a contributor can create and update but not archive or restore", async () => {
      const { owner, base, as } = await setup();
      const contributor = await as("contributor");
      const s = await create(contributor, base);
      assert.equal(
        (await contributor.patch(`${base}/${s.id}`, { version: 1, name: "Renamed" })).statusCode,
        200,
      );
      assert.equal((await contributor.post(`${base}/${s.id}/archive`, { version: 2 })).statusCode, 403);
      assert.equal((await owner.post(`${base}/${s.id}/archive`, { version: 2 })).statusCode, 200);
      assert.equal((await contributor.post(`${base}/${s.id}/restore`, { version: 3 })).statusCode, 403);
    });

    it("updates only the fields sent and records exactly those in the diff", async () => {
      const { owner, base } = await setup();
      const s = await create(owner, base, { purpose: "old", tags: ["a"] });
      const res = await owner.patch(`${base}/${s.id}`, { version: 1, purpose: "new", tags: ["a"] });
      assert.equal(res.statusCode, 200);
      const u = res.json();
      assert.equal(u.purpose, "new");
      assert.equal(u.name, "Credit scoring");
      assert.equal(u.version, 2);
      assert.ok(u.updatedAt >= s.updatedAt);
      const history = (await owner.get(`${base}/${s.id}/history`)).json();
      assert.equal(history.items[0].type, "ai_system.updated");
      assert.deepEqual(history.items[0].payload.diff, { purpose: ["old", "new"] });
    });

    it("returns the system unchanged, without a new version or event, when nothing changed", async () => {
      const { org, owner, base } = await setup();
      const s = await create(owner, base, { tags: ["x"] });
      const before = await orgFootprint(server, org.orgId);
      const res = await owner.patch(`${base}/${s.id}`, { version: 1, name: "Credit scoring", tags: ["x"] });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), s);
      assert.deepEqual(await orgFootprint(server, org.orgId), before);
    });

    it("answers 409 conflict on a stale version and keeps the newer write", async () => {
      const { owner, base } = await setup();
      const s = await create(owner, base);
      assert.equal((await owner.patch(`${base}/${s.id}`, { version: 1, name: "First" })).statusCode, 200);
      const stale = await owner.patch(`${base}/${s.id}`, { version: 1, name: "Second" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      assert.equal(stale.json().error.details.currentVersion, 2);
      assert.equal((await owner.get(`${base}/${s.id}`)).json().name, "First");
      const staleArchive = await owner.post(`${base}/${s.id}/archive`, { version: 1 });
      assert.equal(staleArchive.statusCode, 409);
      assert.equal(staleArchive.json().error.code, "conflict");
    });

    it("refuses to edit an archived system (409 invalid_state) until it is restored", async () => {
      const { owner, base } = await setup();
      const s = await create(owner, base);
      const archived = (await owner.post(`${base}/${s.id}/archive`, { version: 1 })).json();
      assert.ok(archived.archivedAt);
      assert.equal(archived.version, 2);
      const edit = await owner.patch(`${base}/${s.id}`, { version: 2, name: "Nope" });
      assert.equal(edit.statusCode, 409);
      assert.equal(edit.json().error.code, "invalid_state");
      const again = await owner.post(`${base}/${s.id}/archive`, { version: 2 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "invalid_state");
      const restored = (await owner.post(`${base}/${s.id}/restore`, { version: 2 })).json();
      assert.equal(restored.archivedAt, null);
      const notArchived = await owner.post(`${base}/${s.id}/restore`, { version: 3 });
      assert.equal(notArchived.json().error.code, "invalid_state");
      assert.equal((await owner.patch(`${base}/${s.id}`, { version: 3, name: "Yes" })).statusCode, 200);
    });

    it("hides archived systems from the default list and shows them with archived=true|all", async () => {
      const { owner, base } = await setup();
      const a = await create(owner, base, { name: "Alive" });
      const b = await create(owner, base, { name: "Gone" });
      await owner.post(`${base}/${b.id}/archive`, { version: 1 });
      const ids = async (q: string) =>
        (await owner.get(`${base}${q}`)).json().items.map((s: { id: string }) => s.id);
      assert.deepEqual(await ids(""), [a.id]);
      assert.deepEqual(await ids("?archived=true"), [b.id]);
      assert.deepEqual((await ids("?archived=all")).sort(), [a.id, b.id].sort());
    });

    it("requires the owner to be an active member of the same organization", async () => {
      const { org, owner, base } = await setup();
      const other = await buildOrg(server);
      const gone = await buildMember(server, org.orgId, { status: "deactivated" });
      for (const ownerId of [other.owner.userId, gone.userId, "00000000-0000-4000-8000-000000000000"]) {
        const res = await owner.post(base, { name: "X", ownerId });
        assert.equal(res.statusCode, 400, ownerId);
        assert.equal(res.json().error.code, "invalid_input");
        assert.equal(res.json().error.details.issues[0].path, "ownerId");
      }
      const s = await create(owner, base);
      const res = await owner.patch(`${base}/${s.id}`, { version: 1, ownerId: other.owner.userId });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details.issues[0].path, "ownerId");
      const member = await buildMember(server, org.orgId, { role: "viewer" });
      const ok = await owner.patch(`${base}/${s.id}`, { version: 1, ownerId: member.userId });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().ownerId, member.userId);
      const cleared = await owner.patch(`${base}/${s.id}`, { version: 2, ownerId: null });
      assert.equal(cleared.json().ownerName, null);
    });

    it("shows the history create → update (with its diff) → archive → restore, newest first", async () => {
      const { org, owner, base } = await setup();
      const s = await create(owner, base, { lifecycleStage: "design" });
      await owner.patch(`${base}/${s.id}`, { version: 1, lifecycleStage: "deployed" });
      await owner.post(`${base}/${s.id}/archive`, { version: 2 });
      await owner.post(`${base}/${s.id}/restore`, { version: 3 });
      await create(owner, base, { name: "Unrelated" });
      const res = await owner.get(`${base}/${s.id}/history`);
      assert.equal(res.statusCode, 200);
      const items = res.json().items;
      assert.deepEqual(
        items.map((e: { type: string }) => e.type),
        ["ai_system.restored", "ai_system.archived", "ai_system.updated", "ai_system.created"],
      );
      assert.deepEqual(items[2].payload.diff, { lifecycleStage: ["design", "deployed"] });
      assert.deepEqual(items[3].payload.diff.name, [null, "Credit scoring"]);
      for (const e of items) {
        assert.equal(e.entityId, s.id);
        assert.equal(e.actorId, org.owner.userId);
        assert.match(e.actorName, /^user-/);
      }
      const page1 = (await owner.get(`${base}/${s.id}/history?limit=3`)).json();
      assert.equal(page1.items.length, 3);
      const page2 = (await owner.get(`${base}/${s.id}/history?limit=3&cursor=${page1.nextCursor}`)).json();
      assert.deepEqual(
        page2.items.map((e: { type: string }) => e.type),
        ["ai_system.created"],
      );
      assert.equal(page2.nextCursor, null);
    });

    it("lets a viewer read a system's history but not the organization's trail", async () => {
      const { owner, base, as, org } = await setup();
      const s = await create(owner, base);
      const viewer = await as("viewer");
      assert.equal((await viewer.get(`${base}/${s.id}/history`)).statusCode, 200);
      assert.equal((await viewer.get(`/api/v1/orgs/${org.orgId}/audit-events`)).statusCode, 403);
    });

    it("answers 404 for an unknown id and 400 for an id that is not a UUID", async () => {
      const { owner, base } = await setup();
      const unknown = "6f1c2a4e-0000-4000-8000-000000000000";
      for (const res of [
        await owner.get(`${base}/${unknown}`),
        await owner.patch(`${base}/${unknown}`, { version: 1, name: "x" }),
        await owner.post(`${base}/${unknown}/archive`, { version: 1 }),
        await owner.get(`${base}/${unknown}/history`),
      ]) {
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().error.code, "not_found");
      }
      for (const res of [
        await owner.get(`${base}/not-a-uuid`),
        await owner.patch(`${base}/1`, { version: 1 }),
        await owner.post(`${base}/x/restore`, { version: 1 }),
        await owner.get(`/api/v1/orgs/nope/ai-systems`),
      ]) {
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, "invalid_input");
        assert.match(res.json().error.message, /UUID/);
      }
    });

    it("documents every AI system and audit trail route in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const expected: [string, string][] = [
        ["/api/v1/orgs/{orgId}/ai-systems", "get"],
        ["/api/v1/orgs/{orgId}/ai-systems", "post"],
        ["/api/v1/orgs/{orgId}/ai-systems/{id}", "get"],
        ["/api/v1/orgs/{orgId}/ai-systems/{id}", "patch"],
        ["/api/v1/orgs/{orgId}/ai-systems/{id}/archive", "post"],
        ["/api/v1/orgs/{orgId}/ai-systems/{id}/restore", "post"],
        ["/api/v1/orgs/{orgId}/ai-systems/{id}/history", "get"],
        ["/api/v1/orgs/{orgId}/ai-systems/import", "post"],
        ["/api/v1/orgs/{orgId}/ai-systems/export", "get"],
        ["/api/v1/orgs/{orgId}/audit-events", "get"],
        ["/api/v1/orgs/{orgId}/audit-events/verify", "get"],
      ];
      for (const [path, method] of expected) {
        const op = doc.paths[path]?.[method];
        assert.ok(op, `${method} ${path} is missing`);
        assert.ok(op.summary && op.tags?.length, `${method} ${path} has no summary or tags`);
      }
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/ai-systems/import"].post.requestBody.content["text/csv"]);
    });

    it("answers 401 without credentials", async () => {
      const { base } = await setup();
      const res = await server.app.inject({ method: "GET", url: base });
      assert.equal(res.statusCode, 401);
    });
  });
}
