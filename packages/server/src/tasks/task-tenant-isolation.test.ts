import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, buildOrg, clientFor, type TestClient, useTestServer } from "../testing";

for (const backend of testBackends()) {
  describe(`task tenant isolation on ${backend}`, () => {
    const server = useTestServer(backend);

    const footprint = async (orgId: string) => {
      const [t] = await server.database.db
        .select({
          n: sql<number>`count(*)::int`,
          v: sql<number>`coalesce(sum(${tables.tasks.version}), 0)::int`,
        })
        .from(tables.tasks)
        .where(eq(tables.tasks.orgId, orgId));
      const [e] = await server.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(tables.auditEvents)
        .where(eq(tables.auditEvents.orgId, orgId));
      return { tasks: t!.n, versions: t!.v, events: e!.n };
    };

    const everyRoute = (c: TestClient, orgId: string, id: string) => {
      const base = `/api/v1/orgs/${orgId}/tasks`;
      return [
        () => c.get(base),
        () => c.get(`${base}/summary`),
        () => c.post(base, { title: "Intruder" }),
        () => c.post(`${base}/generate`),
        () => c.get(`${base}/${id}`),
        () => c.patch(`${base}/${id}`, { version: 1, status: "done" }),
      ];
    };

    it("answers 404 to a member of another org on every task route, and changes nothing", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const ownerA = await clientFor(server, a.owner, a.orgId);
      const ownerB = await clientFor(server, b.owner, b.orgId);
      const task = (await ownerA.post(`/api/v1/orgs/${a.orgId}/tasks`, { title: "A's own" })).json();
      const before = await footprint(a.orgId);
      for (const call of everyRoute(ownerB, a.orgId, task.id)) {
        const res = await call();
        assert.equal(res.statusCode, 404, `${res.statusCode} ${res.body}`);
        assert.equal(res.json().error.code, "not_found");
      }
      // A's task id through B's own org path: still not found
      for (const call of everyRoute(ownerB, b.orgId, task.id).slice(4))
        assert.equal((await call()).statusCode, 404);
      assert.deepEqual(await footprint(a.orgId), before);
      const listB = (await ownerB.get(`/api/v1/orgs/${b.orgId}/tasks`)).json();
      assert.equal(listB.total, 0);
      await assertChainIntact(server, a.orgId);
      await assertChainIntact(server, b.orgId);
    });
  });
}
