import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { assertChainIntact, buildMember, buildOrg, clientFor, useTestServer } from "../testing";

for (const backend of testBackends()) {
  describe(`Applied controls over HTTP on ${backend}`, () => {
    const server = useTestServer(backend);

    it("creates, edits, links, archives and restores, with audit events and a valid chain", async () => {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}/applied-controls`;
      const created = await owner.post(base, {
        name: "Model validation checklist",
        description: "Every model passes the checklist before release.",
        category: "process",
        status: "implemented",
        ownerId: org.owner.userId,
        links: [{ type: "framework_node", id: "A.6.2.4" }],
      });
      assert.equal(created.statusCode, 201, created.body);
      const c = created.json();
      assert.equal(c.version, 1);
      assert.equal(c.ownerName !== null, true);
      assert.deepEqual(c.links, [
        {
          type: "framework_node",
          id: "iso-iec-42001-2023:A.6.2.4",
          label: "A.6.2.4 AI system verification and validation",
        },
      ]);
      assert.deepEqual(c.abilities, { read: true, create: true, update: true, archive: true, restore: true });

      const badLink = await owner.post(base, {
        name: "x",
        links: [{ type: "framework_node", id: "A.99.1" }],
      });
      assert.equal(badLink.statusCode, 400);
      assert.equal(badLink.json().error.details.issues[0].path, "links.0");
      const badOwner = await owner.post(base, { name: "x", ownerId: "00000000-0000-4000-8000-000000000000" });
      assert.equal(badOwner.statusCode, 400);
      const badStatus = await owner.post(base, { name: "x", status: "not_applicable" });
      assert.equal(badStatus.statusCode, 400, "not_applicable is a SoA answer, not a control status");

      const updated = await owner.patch(`${base}/${c.id}`, {
        version: 1,
        name: "Model validation checklist v2",
        links: [
          { type: "framework_node", id: "A.6.2.4" },
          { type: "framework_node", id: "A.6.2.5" },
        ],
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().version, 2);
      assert.equal(updated.json().links.length, 2);
      const unchanged = await owner.patch(`${base}/${c.id}`, {
        version: 2,
        name: "Model validation checklist v2",
      });
      assert.equal(unchanged.json().version, 2, "no change, no new version");
      assert.equal((await owner.patch(`${base}/${c.id}`, { version: 1, name: "stale" })).statusCode, 409);

      const soa = (await owner.get(`/api/v1/orgs/${org.orgId}/soa`)).json();
      const a624 = soa.entries.find((e: { controlId: string }) => e.controlId === "A.6.2.4");
      assert.deepEqual(a624.appliedControls, [{ id: c.id, label: "Model validation checklist v2" }]);

      const archived = await owner.post(`${base}/${c.id}/archive`, { version: 2 });
      assert.equal(archived.statusCode, 200);
      assert.ok(archived.json().archivedAt);
      assert.equal((await owner.patch(`${base}/${c.id}`, { version: 3, name: "y" })).statusCode, 409);
      const after = (await owner.get(`/api/v1/orgs/${org.orgId}/soa`)).json();
      assert.deepEqual(
        after.entries.find((e: { controlId: string }) => e.controlId === "A.6.2.4").appliedControls,
        [],
        "an archived control no longer implements anything in the working SoA",
      );
      assert.equal((await owner.post(`${base}/${c.id}/restore`, { version: 3 })).json().archivedAt, null);

      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(
        types.filter((t) => t.startsWith("applied_control.")),
        [
          "applied_control.created",
          "applied_control.updated",
          "applied_control.archived",
          "applied_control.restored",
        ],
      );
    });

    it("lists by name with a keyset cursor and filters", async () => {
      const org = await buildOrg(server);
      const contributor = await buildMember(server, org.orgId, { role: "contributor" });
      const c = await clientFor(server, contributor, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}/applied-controls`;
      for (const name of ["delta", "Alpha", "charlie", "bravo", "echo"])
        assert.equal(
          (
            await c.post(base, {
              name,
              category: name === "echo" ? "technical" : "process",
              additional: name === "delta",
              links: name === "bravo" ? [{ type: "framework_node", id: "A.3.2" }] : [],
            })
          ).statusCode,
          201,
        );
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { total: number; items: { name: string }[]; nextCursor: string | null } = (
          await c.get(`${base}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        ).json();
        assert.equal(page.total, 5);
        names.push(...page.items.map((i: { name: string }) => i.name));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(names, ["Alpha", "bravo", "charlie", "delta", "echo"]);
      const names$ = async (q: string) =>
        (await c.get(`${base}?${q}`)).json().items.map((i: { name: string }) => i.name);
      assert.deepEqual(await names$("category=technical"), ["echo"]);
      assert.deepEqual(await names$("additional=true"), ["delta"]);
      assert.deepEqual(await names$("node=A.3.2"), ["bravo"]);
      assert.deepEqual(await names$("q=ALP"), ["Alpha"]);
      assert.equal((await c.get(`${base}?cursor=zzz`)).statusCode, 400);
    });
  });
}
