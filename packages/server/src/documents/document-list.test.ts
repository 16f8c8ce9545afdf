import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { buildMember, buildOrg, clientFor, useTestServer } from "../testing";

for (const backend of testBackends()) {
  describe(`document list on ${backend}`, () => {
    const server = useTestServer(backend);

    it("filters by kind, status, review, owner and title, and pages with a cursor", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const leadMember = await buildMember(server, org.orgId, { role: "governance_lead" });
      const lead = await clientFor(server, leadMember, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}/documents`;
      const make = async (title: string, kind: string) =>
        (await owner.post(base, { title, kind, body: "x" })).json().id as string;
      const ids: Record<string, string> = {};
      for (const [t, k] of [
        ["beta procedure", "procedure"],
        ["Alpha policy", "policy"],
        ["gamma plan", "plan"],
        ["Delta record", "record"],
        ["epsilon 100% other", "other"],
      ])
        ids[t!] = await make(t!, k!);
      const publish = async (id: string) => {
        await owner.post(`${base}/${id}/submit`, { version: 1 });
        await lead.post(`${base}/${id}/approve`, { version: 2 });
        assert.equal((await lead.post(`${base}/${id}/publish`, { version: 3 })).statusCode, 200);
      };
      await publish(ids["Alpha policy"]!);
      await publish(ids["gamma plan"]!);
      await server.database.db
        .update(tables.documents)
        .set({ nextReviewAt: "2021-05-05" })
        .where(and(eq(tables.documents.orgId, org.orgId), eq(tables.documents.id, ids["gamma plan"]!)));
      await owner.post(`${base}/${ids["Delta record"]}/submit`, { version: 1 });

      const titles = async (q: string) =>
        ((await owner.get(`${base}${q}`)).json().items as { title: string }[]).map((d) => d.title);
      assert.deepEqual(await titles(""), [
        "Alpha policy",
        "beta procedure",
        "Delta record",
        "epsilon 100% other",
        "gamma plan",
      ]);
      assert.deepEqual(await titles("?kind=policy"), ["Alpha policy"]);
      assert.deepEqual(await titles("?status=in_review"), ["Delta record"]);
      assert.deepEqual(await titles("?status=in_force"), ["Alpha policy", "gamma plan"]);
      assert.deepEqual(await titles("?status=draft"), ["beta procedure", "epsilon 100% other"]);
      assert.deepEqual(await titles("?review=overdue"), ["gamma plan"]);
      assert.deepEqual(await titles("?review=ok"), ["Alpha policy"]);
      assert.deepEqual(await titles("?q=ALPHA"), ["Alpha policy"]);
      assert.deepEqual(await titles("?q=100%25"), ["epsilon 100% other"]);
      assert.deepEqual(await titles("?q=%25"), ["epsilon 100% other"], "% is literal");
      assert.deepEqual(await titles(`?ownerId=${leadMember.userId}`), []);
      const overdue = (await owner.get(`${base}?review=overdue`)).json().items[0];
      assert.equal(overdue.reviewStatus, "overdue");

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { title: string }[]; nextCursor: string | null; total: number } = (
          await owner.get(`${base}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        ).json();
        assert.equal(page.total, 5);
        seen.push(...page.items.map((d) => d.title));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, await titles(""));
    });
  });
}
