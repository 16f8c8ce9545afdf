import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildOrgWithClients,
  type TestClient,
  useTestServer,
} from "../testing";
import { deployerAnswers } from "../testing/eu-ai-act-answers";

const answers = deployerAnswers;

const put = (c: TestClient, url: string, payload: object) => c.request({ method: "PUT", url, payload });

for (const backend of testBackends()) {
  describe(`AI system classification records on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const o = await buildOrgWithClients(server);
      const sys = (await o.owner.post(`${o.base}/ai-systems`, { name: "Credit scoring" })).json();
      return { ...o, sys, url: `${o.base}/ai-systems/${sys.id}` };
    }

    it("stores versions with history, syncs obligations and audits the axis diff", async () => {
      const { owner, org, url } = await setup();
      const empty = (await owner.get(`${url}/classification`)).json();
      assert.equal(empty.current, null);
      assert.deepEqual(empty.history, []);

      const first = await put(owner, `${url}/classification`, answers());
      assert.equal(first.statusCode, 200, first.body);
      const v1 = first.json();
      assert.equal(v1.current.number, 1);
      assert.equal(v1.current.result.highRisk, true);
      assert.equal(v1.current.ruleDataId, v1.currentRuleDataId);
      assert.equal(v1.abilities.classify, true);

      let obligations = (await owner.get(`${url}/obligations`)).json().items;
      const keys = obligations.map(
        (o: { obligationId: string; role: string }) => `${o.obligationId}/${o.role}`,
      );
      assert.ok(keys.includes("art26-2.human-oversight/deployer"), keys.join());
      assert.ok(keys.includes("art4.ai-literacy/deployer"), keys.join());
      assert.ok(
        obligations.every(
          (o: { status: string; applicable: boolean }) => o.status === "open" && o.applicable,
        ),
      );
      const sorted = [...obligations].sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
      assert.deepEqual(obligations, sorted);

      // same answers again: no new version, no event
      const eventsBefore = (await auditEventsOf(server, org.orgId)).length;
      const same = (await put(owner, `${url}/classification`, answers())).json();
      assert.equal(same.history.length, 1);
      assert.equal((await auditEventsOf(server, org.orgId)).length, eventsBefore);

      // mark art26 in progress, then re-classify as not high-risk: art26 retired (kept), art4 untouched
      const art26 = obligations.find(
        (o: { obligationId: string }) => o.obligationId === "art26-2.human-oversight",
      );
      const art4 = obligations.find((o: { obligationId: string }) => o.obligationId === "art4.ai-literacy");
      const patched = await owner.patch(`${url}/obligations/${art4.id}`, {
        version: art4.version,
        status: "in_progress",
        notes: "training plan drafted",
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().status, "in_progress");

      const second = (await put(owner, `${url}/classification`, answers({ annexIII: null }))).json();
      assert.equal(second.current.number, 2);
      assert.equal(second.current.result.highRisk, false);
      assert.deepEqual(
        second.history.map((h: { number: number }) => h.number),
        [2, 1],
      );
      obligations = (await owner.get(`${url}/obligations`)).json().items;
      const retired = obligations.find((o: { id: string }) => o.id === art26.id);
      assert.equal(retired.status, "not_applicable");
      assert.equal(retired.applicable, false);
      const kept = obligations.find((o: { id: string }) => o.id === art4.id);
      assert.equal(kept.status, "in_progress");
      assert.equal(kept.notes, "training plan drafted");

      // back to high-risk: art26 reopened on the same row
      await put(owner, `${url}/classification`, answers());
      obligations = (await owner.get(`${url}/obligations`)).json().items;
      const reopened = obligations.find((o: { id: string }) => o.id === art26.id);
      assert.equal(reopened.status, "open");
      assert.equal(reopened.applicable, true);

      const events = await auditEventsOf(server, org.orgId);
      const classified = events.filter((e) => e.type === "ai_system.classified");
      assert.equal(classified.length, 3);
      const p2 = classified[1]!.payload as Record<string, any>;
      assert.deepEqual(p2.changed.highRisk, [true, false]);
      assert.equal(p2.changed.transparency, undefined);
      assert.ok(
        p2.obligationsRetired.some((r: { key: string }) => r.key === "art26-2.human-oversight/deployer"),
      );
      assert.ok(events.some((e) => e.type === "ai_system.obligation_updated" && e.entityId === art4.id));
      await assertChainIntact(server, org.orgId);
    });

    it("refuses bad answers with 400 naming the field, and stores nothing", async () => {
      const { owner, url } = await setup();
      const res = await put(owner, `${url}/classification`, answers({ annexIII: "99(z)" }));
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(
        res.json().error.details.issues.some((i: { path: string }) => i.path === "annexIII"),
        res.body,
      );
      const bad2 = await put(
        owner,
        `${url}/classification`,
        answers({ art6_3: { exception: "a", profiling: false }, annexIII: null }),
      );
      assert.equal(bad2.statusCode, 400);
      assert.equal((await owner.get(`${url}/classification`)).json().current, null);
      assert.deepEqual((await owner.get(`${url}/obligations`)).json().items, []);
    });

    it("checks permissions, versions and due dates on obligations", async () => {
      const { owner, member, url } = await setup();
      await put(owner, `${url}/classification`, answers());
      const viewer = await member("viewer");
      assert.equal((await viewer.client.get(`${url}/classification`)).statusCode, 200);
      const items = (await viewer.client.get(`${url}/obligations`)).json().items;
      assert.equal(items[0].abilities.update, false);
      assert.equal(
        (await put(viewer.client, `${url}/classification`, answers({ annexIII: null }))).statusCode,
        403,
      );
      const o = items[0];
      assert.equal(
        (await viewer.client.patch(`${url}/obligations/${o.id}`, { version: o.version, status: "met" }))
          .statusCode,
        403,
      );
      const late = await owner.patch(`${url}/obligations/${o.id}`, {
        version: o.version,
        dueDate: "2099-01-01",
      });
      assert.equal(late.statusCode, 400);
      assert.equal(late.json().error.details.issues[0].path, "dueDate");
      const early = await owner.patch(`${url}/obligations/${o.id}`, {
        version: o.version,
        dueDate: "2025-01-01",
      });
      assert.equal(early.statusCode, 200, early.body);
      assert.equal(early.json().dueDate, "2025-01-01");
      assert.equal(early.json().dueDateSet, true);
      const stale = await owner.patch(`${url}/obligations/${o.id}`, { version: o.version, status: "met" });
      assert.equal(stale.statusCode, 409);
      const stranger = await owner.patch(`${url}/obligations/${o.id}`, {
        version: o.version + 1,
        ownerId: "00000000-0000-4000-8000-000000000000",
      });
      assert.equal(stranger.statusCode, 400);
      assert.equal(stranger.json().error.details.issues[0].path, "ownerId");
      const owned = await owner.patch(`${url}/obligations/${o.id}`, {
        version: o.version + 1,
        ownerId: viewer.userId,
      });
      assert.equal(owned.statusCode, 200, owned.body);
      assert.equal(owned.json().ownerId, viewer.userId);

      const system = (await owner.get(url)).json();
      await owner.post(`${url}/archive`, { version: system.version });
      const archived = await put(owner, `${url}/classification`, answers({ annexIII: null }));
      assert.equal(archived.statusCode, 409);
      assert.equal(archived.json().error.code, "invalid_state");
      assert.equal((await owner.get(`${url}/classification`)).json().abilities.classify, false);
    });

    it("documents the routes in OpenAPI", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const paths = Object.keys(doc.paths);
      for (const p of [
        "/api/v1/orgs/{orgId}/ai-systems/{id}/classification",
        "/api/v1/orgs/{orgId}/ai-systems/{id}/obligations",
        "/api/v1/orgs/{orgId}/ai-systems/{id}/obligations/{obligationId}",
      ])
        assert.ok(paths.includes(p), p);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/ai-systems/{id}/classification"].put);
    });

    it("answers 404 for another org's system and obligations, and changes nothing", async () => {
      const a = await setup();
      const b = await buildOrgWithClients(server);
      await put(a.owner, `${a.url}/classification`, answers());
      const o = (await a.owner.get(`${a.url}/obligations`)).json().items[0];
      const foreign = `${b.base}/ai-systems/${a.sys.id}`; // B's own org prefix, A's system id
      for (const res of [
        await b.owner.get(`${a.url}/classification`),
        await put(b.owner, `${a.url}/classification`, answers({ annexIII: null })),
        await b.owner.get(`${a.url}/obligations`),
        await b.owner.patch(`${a.url}/obligations/${o.id}`, { version: 1, status: "met" }),
        await b.owner.get(`${foreign}/classification`),
        await put(b.owner, `${foreign}/classification`, answers({ annexIII: null })),
        await b.owner.patch(`${foreign}/obligations/${o.id}`, { version: 1, status: "met" }),
      ])
        assert.equal(res.statusCode, 404, res.body);
      const after = (await a.owner.get(`${a.url}/classification`)).json();
      assert.equal(after.history.length, 1);
      assert.equal((await a.owner.get(`${a.url}/obligations`)).json().items[0].status, "open");
    });
  });
}
