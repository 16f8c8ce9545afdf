import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const NOW = new Date("2026-03-01T12:00:00.000Z");

for (const backend of testBackends()) {
  describe(`training routes on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const built = await buildOrgWithClients(server);
      const topic = async (body: Record<string, unknown> = {}) => {
        const res = await built.owner.post(`${built.base}/training/topics`, {
          name: "AI literacy for everyone",
          kind: "ai_literacy",
          validityMonths: 12,
          ...body,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json();
      };
      return { ...built, topic, t: `${built.base}/training` };
    }

    it("documents the training routes in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const path of [
        "/api/v1/orgs/{orgId}/training/topics",
        "/api/v1/orgs/{orgId}/training/topics/{id}",
        "/api/v1/orgs/{orgId}/training/topics/{id}/archive",
        "/api/v1/orgs/{orgId}/training/records",
        "/api/v1/orgs/{orgId}/training/records/{id}",
        "/api/v1/orgs/{orgId}/training/coverage",
      ])
        assert.ok(doc.paths[path], path);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/training/records/{id}"].delete);
    });

    it("keeps the catalogue with AI-system links, and names bad fields in a 400", async () => {
      const { org, owner, topic, t } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Claims triage" });
      const created = await topic({ aiSystemIds: [system.id], roles: ["contributor"] });
      assert.equal(created.aiLiteracy, true);
      assert.deepEqual(
        created.aiSystems.map((s: { label: string }) => s.label),
        ["Claims triage"],
      );
      assert.equal(created.abilities.update, true);
      const bad = await owner.post(`${t}/topics`, { name: "X", validityMonths: 0 });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, "validityMonths");
      const badRole = await owner.post(`${t}/topics`, { name: "X", roles: ["wizard"] });
      assert.equal(badRole.json().error.details.issues[0].path, "roles.0");
      const unknown = await owner.post(`${t}/topics`, {
        name: "X",
        aiSystemIds: ["00000000-0000-4000-8000-000000000099"],
      });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details.issues[0].path, "aiSystemIds.0");
      const list = await owner.get(`${t}/topics?kind=ai_literacy`);
      assert.deepEqual(
        list.json().items.map((i: { id: string }) => i.id),
        [created.id],
      );
      const edited = await owner.patch(`${t}/topics/${created.id}`, { version: 1, validityMonths: 24 });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual([edited.json().validityMonths, edited.json().version], [24, 2]);
      const staleTopic = await owner.patch(`${t}/topics/${created.id}`, { version: 1, name: "Renamed" });
      assert.equal(staleTopic.statusCode, 409);
      const archived = await owner.post(`${t}/topics/${created.id}/archive`, { version: 2 });
      assert.equal(archived.statusCode, 200);
      assert.ok(archived.json().archivedAt);
      assert.equal((await owner.get(`${t}/topics`)).json().items.length, 0);
    });

    it("records completions by e-mail, derives expiry and status, and answers a stale version with 409", async () => {
      const { owner, member, topic, t } = await setup();
      const lit = await topic();
      const bob = await member("contributor");
      const res = await owner.post(`${t}/records`, {
        email: bob.email.toUpperCase(),
        topicId: lit.id,
        completedOn: "2025-03-31",
        provider: "Internal academy",
        method: "e_learning",
      });
      assert.equal(res.statusCode, 201, res.body);
      const r = res.json();
      assert.deepEqual([r.userId, r.expiresOn, r.status], [bob.userId, "2026-03-31", "expiring_soon"]);
      const patched = await owner.patch(`${t}/records/${r.id}`, { version: 1, note: "certificate on file" });
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().version, 2);
      const stale = await owner.patch(`${t}/records/${r.id}`, { version: 1, note: "again" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const future = await owner.post(`${t}/records`, {
        userId: bob.userId,
        topicId: lit.id,
        completedOn: "2026-03-05",
      });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.details.issues[0].path, "completedOn");
      const neither = await owner.post(`${t}/records`, { topicId: lit.id, completedOn: "2026-01-01" });
      assert.equal(neither.statusCode, 400);
      assert.equal(neither.json().error.details.issues[0].path, "userId");
      const filtered = await owner.get(`${t}/records?status=expiring_soon&userId=${bob.userId}`);
      assert.deepEqual(
        filtered.json().items.map((i: { id: string }) => i.id),
        [r.id],
      );
      assert.equal((await owner.get(`${t}/records?status=expired`)).json().items.length, 0);
      const del = await owner.delete(`${t}/records/${r.id}?version=1`);
      assert.equal(del.statusCode, 409);
      assert.equal((await owner.delete(`${t}/records/${r.id}?version=2`)).statusCode, 204);
      assert.equal((await owner.get(`${t}/records/${r.id}`)).statusCode, 404);
    });

    it("lets a contributor record their own training only, and hides colleagues' records from viewers", async () => {
      const { owner, member, topic, t } = await setup();
      const lit = await topic();
      const c = await member("contributor");
      const v = await member("viewer");
      const own = await c.client.post(`${t}/records`, {
        userId: c.userId,
        topicId: lit.id,
        completedOn: "2026-02-01",
      });
      assert.equal(own.statusCode, 201, own.body);
      const other = await c.client.post(`${t}/records`, {
        userId: v.userId,
        topicId: lit.id,
        completedOn: "2026-02-01",
      });
      assert.equal(other.statusCode, 403);
      const viewerOwn = await v.client.post(`${t}/records`, {
        userId: v.userId,
        topicId: lit.id,
        completedOn: "2026-02-01",
      });
      assert.equal(viewerOwn.statusCode, 403);
      assert.equal((await v.client.get(`${t}/records/${own.json().id}`)).statusCode, 404);
      assert.equal((await v.client.get(`${t}/records`)).json().items.length, 0);
      const auditor = await member("auditor");
      assert.equal((await auditor.client.get(`${t}/records/${own.json().id}`)).statusCode, 200);
      const cov = (await owner.get(`${t}/coverage`)).json();
      assert.equal(cov.complete, true);
      assert.equal(cov.summary.members, 4); // owner, contributor, viewer, auditor
      assert.equal(cov.summary.aiLiteracyValid, 1);
      const mine = (await v.client.get(`${t}/coverage`)).json();
      assert.deepEqual([mine.complete, mine.members.length], [false, 1]);
    });

    it("answers 404 for another organization's topics and records", async () => {
      const a = await setup();
      const b = await setup();
      const lit = await a.topic();
      const rec = (
        await a.owner.post(`${a.t}/records`, {
          userId: a.org.owner.userId,
          topicId: lit.id,
          completedOn: "2026-01-10",
        })
      ).json();
      const cross = `/api/v1/orgs/${a.org.orgId}/training`;
      assert.equal((await b.owner.get(`${cross}/topics/${lit.id}`)).statusCode, 404);
      assert.equal((await b.owner.get(`${cross}/records/${rec.id}`)).statusCode, 404);
      assert.equal((await b.owner.get(`${b.t}/topics/${lit.id}`)).statusCode, 404);
      assert.equal((await b.owner.post(`${b.t}/topics/${lit.id}/archive`, { version: 1 })).statusCode, 404);
      assert.equal((await b.owner.delete(`${b.t}/records/${rec.id}?version=1`)).statusCode, 404);
      assert.equal((await b.owner.get(`${b.t}/records/${rec.id}`)).statusCode, 404);
      assert.equal(
        (await b.owner.patch(`${b.t}/records/${rec.id}`, { version: 1, note: "x" })).statusCode,
        404,
      );
      const wrongTopic = await b.owner.post(`${b.t}/records`, {
        userId: b.org.owner.userId,
        topicId: lit.id,
        completedOn: "2026-01-10",
      });
      assert.equal(wrongTopic.statusCode, 400);
      assert.equal(wrongTopic.json().error.details.issues[0].path, "topicId");
    });

    it("writes training.* audit events into an intact chain", async () => {
      const { org, owner, topic, t } = await setup();
      const lit = await topic();
      const r = (
        await owner.post(`${t}/records`, {
          userId: org.owner.userId,
          topicId: lit.id,
          completedOn: "2026-01-10",
        })
      ).json();
      await owner.delete(`${t}/records/${r.id}?version=1`);
      const types = await assertChainIntact(server, org.orgId);
      for (const type of ["training_topic.created", "training_record.created", "training_record.deleted"])
        assert.ok(types.includes(type), `${type} in ${types.join(", ")}`);
      const created = (await auditEventsOf(server, org.orgId)).find(
        (e) => e.type === "training_record.created",
      );
      assert.equal((created!.payload as { userId: string }).userId, org.owner.userId);
    });
  });
}
