import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { verifyAuditChain } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  buildMember,
  buildOrg,
  clientFor,
  importCsv,
  orgFootprint,
  type TestClient,
  useTestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`AI system and audit trail tenant isolation on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const a = await buildOrg(server, { name: "Org A" });
      const b = await buildOrg(server, { name: "Org B" });
      const ownerA = await clientFor(server, a.owner, a.orgId);
      const ownerB = await clientFor(server, b.owner, b.orgId);
      const sys = (await ownerA.post(`/api/v1/orgs/${a.orgId}/ai-systems`, { name: "Secret A" })).json();
      const archivedSys = (await ownerA.post(`/api/v1/orgs/${a.orgId}/ai-systems`, { name: "Old A" })).json();
      await ownerA.post(`/api/v1/orgs/${a.orgId}/ai-systems/${archivedSys.id}/archive`, { version: 1 });
      await ownerB.post(`/api/v1/orgs/${b.orgId}/ai-systems`, { name: "B's own" });
      return { a, b, ownerB, sys, archivedSys };
    }

    /** Every AI system and audit trail route, aimed at `orgId` and system `id`. */
    const everyRoute = (c: TestClient, orgId: string, id: string, archivedId: string) => {
      const base = `/api/v1/orgs/${orgId}`;
      return [
        () => c.get(`${base}/ai-systems`),
        () => c.post(`${base}/ai-systems`, { name: "Intruder" }),
        () => c.get(`${base}/ai-systems/${id}`),
        () => c.patch(`${base}/ai-systems/${id}`, { version: 1, name: "Hijacked" }),
        () => c.post(`${base}/ai-systems/${id}/archive`, { version: 1 }),
        () => c.post(`${base}/ai-systems/${archivedId}/restore`, { version: 2 }),
        () => c.get(`${base}/ai-systems/${id}/history`),
        () => c.get(`${base}/ai-systems/export`),
        () => importCsv(c, orgId, `id,name\n${id},Hijacked\n,Planted\n`),
        () => importCsv(c, orgId, "name\nPlanted\n", "dryRun=true"),
        () => c.get(`${base}/audit-events`),
        () => c.get(`${base}/audit-events/verify`),
      ];
    };

    it("answers 404 to a member of another org on every route, and changes nothing", async () => {
      const { a, b, ownerB, sys, archivedSys } = await setup();
      const beforeA = await orgFootprint(server, a.orgId);
      const beforeB = await orgFootprint(server, b.orgId);
      for (const call of everyRoute(ownerB, a.orgId, sys.id, archivedSys.id)) {
        const res = await call();
        assert.equal(res.statusCode, 404, `${res.body}`);
        assert.equal(res.json().error.code, "not_found");
        assert.ok(!res.body.includes("Secret A"));
      }
      assert.deepEqual(await orgFootprint(server, a.orgId), beforeA);
      assert.deepEqual(await orgFootprint(server, b.orgId), beforeB);
      assert.equal((await verifyAuditChain(server.database.db, a.orgId)).ok, true);
    });

    it("answers 404 to the same user's token of another org, even when they are a member of both", async () => {
      const { a, b, sys, archivedSys } = await setup();
      const both = await buildMember(server, b.orgId, { role: "admin" });
      await buildMember(server, a.orgId, { role: "admin", userId: both.userId });
      const tokenForB = await clientFor(server, both, b.orgId);
      const beforeA = await orgFootprint(server, a.orgId);
      for (const call of everyRoute(tokenForB, a.orgId, sys.id, archivedSys.id)) {
        assert.equal((await call()).statusCode, 404);
      }
      assert.deepEqual(await orgFootprint(server, a.orgId), beforeA);
    });

    it("treats another org's system id as unknown inside one's own org", async () => {
      const { a, b, ownerB, sys, archivedSys } = await setup();
      const beforeA = await orgFootprint(server, a.orgId);
      const beforeB = await orgFootprint(server, b.orgId);
      const base = `/api/v1/orgs/${b.orgId}/ai-systems`;
      for (const res of [
        await ownerB.get(`${base}/${sys.id}`),
        await ownerB.patch(`${base}/${sys.id}`, { version: 1, name: "Hijacked" }),
        await ownerB.post(`${base}/${sys.id}/archive`, { version: 1 }),
        await ownerB.post(`${base}/${archivedSys.id}/restore`, { version: 2 }),
        await ownerB.get(`${base}/${sys.id}/history`),
      ]) {
        assert.equal(res.statusCode, 404, res.body);
      }
      const imported = await importCsv(ownerB, b.orgId, `id,name\n${sys.id},Hijacked\n`);
      assert.equal(imported.statusCode, 400);
      assert.equal(imported.json().error.details.errors[0].issues[0].path, "id");
      const skipped = await importCsv(ownerB, b.orgId, `id,name\n${sys.id},Hijacked\n`, "mode=skip_invalid");
      assert.equal(skipped.json().updated, 0);
      const listed = (await ownerB.get(`${base}?archived=all&q=A`)).json();
      assert.deepEqual(listed.items, []);
      const exported = (await ownerB.get(`${base}/export?archived=all`)).body;
      assert.ok(!exported.includes("Secret A"));
      const events = (await ownerB.get(`/api/v1/orgs/${b.orgId}/audit-events?entityId=${sys.id}`)).json();
      assert.deepEqual(events.items, []);
      // an owner in B cannot name A's owner as owner of B's system
      const own = (await ownerB.get(base)).json().items[0];
      const res = await ownerB.patch(`${base}/${own.id}`, { version: 1, ownerId: a.owner.userId });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(await orgFootprint(server, a.orgId), beforeA);
      // B's only change is the import summary of the skip_invalid run
      const afterB = await orgFootprint(server, b.orgId);
      assert.equal(afterB.aiSystems, beforeB.aiSystems);
      assert.equal(afterB.auditEvents, beforeB.auditEvents + 1);
      assert.equal((await verifyAuditChain(server.database.db, a.orgId)).ok, true);
    });
  });
}
