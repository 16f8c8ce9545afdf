import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { tables, verifyAuditChain } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { buildMember, clientFor, type TestClient, type TestServer, useTestServer } from "../testing";
import { ok, put, scopeOrg } from "./scope-context-test-kit";

const rowsOf = async (server: TestServer, orgId: string) => {
  const { db } = server.database;
  const n = async (
    t: typeof tables.contextIssues | typeof tables.scopeVersions | typeof tables.raciAssignments,
  ) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(eq(t.orgId, orgId))
    )[0]!.n;
  const [v] = await db
    .select({ v: sql<number>`coalesce(sum(${tables.scopeVersions.version}), 0)::int` })
    .from(tables.scopeVersions)
    .where(eq(tables.scopeVersions.orgId, orgId));
  const [e] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.auditEvents)
    .where(eq(tables.auditEvents.orgId, orgId));
  return {
    issues: await n(tables.contextIssues),
    scopes: await n(tables.scopeVersions),
    letters: await n(tables.raciAssignments),
    scopeVersionSum: v!.v,
    events: e!.n,
  };
};

for (const backend of testBackends()) {
  describe(`scope & context tenant isolation on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const a = await scopeOrg(server);
      const b = await scopeOrg(server);
      const { owner, base } = a;
      const issue = await ok(
        owner.post(`${base}/context/issues`, { kind: "internal", title: "Secret A" }),
        201,
      );
      const party = await ok(owner.post(`${base}/context/interested-parties`, { name: "Secret party" }), 201);
      const withReq = await ok(
        owner.post(`${base}/context/interested-parties/${party.id}/requirements`, { text: "Secret need" }),
        201,
      );
      await ok(put(owner, `${base}/context/ai-roles/provider`, { note: "Secret role" }));
      await ok(owner.post(`${base}/scope/versions`), 201);
      const { activities } = await ok(
        owner.post(`${base}/raci/activities`, { title: "Secret activity" }),
        201,
      );
      return { a, b, issue, party, req: withReq.requirements[0], activity: activities[0] };
    }

    /** Every scope & context route, aimed at org A's path and records. */
    const everyRoute = (c: TestClient, s: Awaited<ReturnType<typeof setup>>) => {
      const base = s.a.base;
      const p = `${base}/context/interested-parties/${s.party.id}`;
      return [
        () => c.get(`${base}/context/issues`),
        () => c.post(`${base}/context/issues`, { kind: "internal", title: "Planted" }),
        () => c.get(`${base}/context/issues/${s.issue.id}`),
        () => c.patch(`${base}/context/issues/${s.issue.id}`, { version: 1, title: "Hijacked" }),
        () => c.post(`${base}/context/issues/${s.issue.id}/archive`, { version: 1 }),
        () => c.post(`${base}/context/issues/${s.issue.id}/restore`, { version: 1 }),
        () => c.get(`${base}/context/interested-parties`),
        () => c.post(`${base}/context/interested-parties`, { name: "Planted" }),
        () => c.get(p),
        () => c.patch(p, { version: 2, name: "Hijacked" }),
        () => c.delete(`${p}?version=2`),
        () => c.post(`${p}/requirements`, { text: "Planted" }),
        () => c.patch(`${p}/requirements/${s.req.id}`, { version: 1, addressed: "yes" }),
        () => c.delete(`${p}/requirements/${s.req.id}?version=1`),
        () => c.get(`${base}/context/ai-roles`),
        () => put(c, `${base}/context/ai-roles/customer`, {}),
        () => c.delete(`${base}/context/ai-roles/provider?version=1`),
        () => c.get(`${base}/scope`),
        () => c.get(`${base}/scope/versions`),
        () => c.post(`${base}/scope/versions`),
        () => c.get(`${base}/scope/versions/1`),
        () => c.patch(`${base}/scope/versions/1`, { version: 1, statement: "Hijacked" }),
        () => c.post(`${base}/scope/versions/1/submit`, { version: 1 }),
        () => c.post(`${base}/scope/versions/1/approve`, { version: 1 }),
        () => c.post(`${base}/scope/versions/1/reject`, { version: 1 }),
        () => c.get(`${base}/scope/versions/1/diff`),
        () => c.get(`${base}/raci`),
        () => put(c, `${base}/raci`, { rows: [{ activityId: s.activity.id, version: 1, assignments: [] }] }),
        () => c.get(`${base}/raci/export?format=csv`),
        () => c.get(`${base}/raci/export?format=xlsx`),
        () => c.post(`${base}/raci/activities`, { title: "Planted" }),
        () => c.post(`${base}/raci/activities/seed`),
        () => c.patch(`${base}/raci/activities/${s.activity.id}`, { version: 1, title: "Hijacked" }),
        () => c.delete(`${base}/raci/activities/${s.activity.id}?version=1`),
      ];
    };

    it("answers 404 to a member of another org on every route, and changes nothing", async () => {
      const s = await setup();
      const before = await rowsOf(server, s.a.org.orgId);
      for (const call of everyRoute(s.b.owner, s)) {
        const res = await call();
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().error.code, "not_found");
        assert.ok(!res.body.includes("Secret"));
      }
      assert.deepEqual(await rowsOf(server, s.a.org.orgId), before);
      assert.equal((await verifyAuditChain(server.database.db, s.a.org.orgId)).ok, true);
    });

    it("answers 404 for org B's records addressed through org B's path by org A's owner", async () => {
      const s = await setup();
      const theirs = await ok(
        s.b.owner.post(`${s.b.base}/context/issues`, { kind: "external", title: "B" }),
        201,
      );
      const res = await s.a.owner.get(`${s.a.base}/context/issues/${theirs.id}`);
      assert.equal(res.statusCode, 404);
      const both = await buildMember(server, s.b.org.orgId, { role: "admin" });
      await buildMember(server, s.a.org.orgId, { role: "admin", userId: both.userId });
      const tokenForB = await clientFor(server, both, s.b.org.orgId);
      for (const call of everyRoute(tokenForB, s)) assert.equal((await call()).statusCode, 404);
    });
  });
}
