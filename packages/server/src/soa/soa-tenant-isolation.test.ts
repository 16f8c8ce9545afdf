import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { verifyAuditChain } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { buildOrg, clientFor, type TestClient, useTestServer } from "../testing";

for (const backend of testBackends()) {
  describe(`SoA and applied control tenant isolation on ${backend}`, () => {
    const server = useTestServer(backend);

    it("answers 404 to another org on every route and changes nothing", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const ownerA = await clientFor(server, a.owner, a.orgId);
      const ownerB = await clientFor(server, b.owner, b.orgId);
      const baseA = `/api/v1/orgs/${a.orgId}`;
      const control = (
        await ownerA.post(`${baseA}/applied-controls`, { name: "Secret control", additional: true })
      ).json();
      await ownerA.patch(`${baseA}/soa/entries/A.2.2`, {
        version: 0,
        applicable: true,
        justification: "Secret why",
      });
      await ownerA.post(`${baseA}/soa/versions`, {});
      const routes = (c: TestClient, base: string) => [
        () => c.get(`${base}/soa`),
        () => c.patch(`${base}/soa/entries/A.2.2`, { version: 1, notes: "x" }),
        () => c.get(`${base}/soa/export`),
        () => c.get(`${base}/soa/versions`),
        () => c.post(`${base}/soa/versions`, {}),
        () => c.get(`${base}/soa/versions/1`),
        () => c.get(`${base}/soa/versions/1/diff?against=1`),
        () => c.post(`${base}/soa/versions/1/approve`, { version: 1 }),
        () => c.post(`${base}/soa/versions/1/reject`, { version: 1 }),
        () => c.get(`${base}/applied-controls`),
        () => c.post(`${base}/applied-controls`, { name: "Planted" }),
        () => c.get(`${base}/applied-controls/${control.id}`),
        () => c.patch(`${base}/applied-controls/${control.id}`, { version: 1, name: "Hijacked" }),
        () => c.post(`${base}/applied-controls/${control.id}/archive`, { version: 1 }),
      ];
      const eventsBefore = (await ownerA.get(`${baseA}/audit-events?limit=200`)).json().items.length;
      for (const call of routes(ownerB, baseA)) {
        const res = await call();
        assert.equal(res.statusCode, 404, res.body);
        assert.ok(!res.body.includes("Secret"));
      }
      // inside one's own org, another org's ids are unknown
      const baseB = `/api/v1/orgs/${b.orgId}`;
      assert.equal((await ownerB.get(`${baseB}/applied-controls/${control.id}`)).statusCode, 404);
      assert.equal(
        (await ownerB.patch(`${baseB}/soa/entries/${control.id}`, { version: 0, notes: "x" })).statusCode,
        404,
      );
      assert.equal((await ownerB.get(`${baseB}/soa/versions/1`)).statusCode, 404);
      const linked = await ownerB.patch(`${baseB}/soa/entries/A.2.2`, {
        version: 0,
        appliedControlIds: [control.id],
      });
      assert.equal(linked.statusCode, 400);
      const bSoa = (await ownerB.get(`${baseB}/soa`)).json();
      assert.equal(bSoa.entries.length, 38);
      assert.equal(bSoa.entries[0].applicable, null);
      assert.equal((await ownerA.get(`${baseA}/audit-events?limit=200`)).json().items.length, eventsBefore);
      assert.equal((await verifyAuditChain(server.database.db, a.orgId)).ok, true);
    });
  });
}
