import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { buildMember, buildOrg, clientFor, useTestServer } from "../testing";

interface Event {
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  occurredAt: string;
}

for (const backend of testBackends()) {
  describe(`audit trail routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const org = await buildOrg(server);
      const owner = await clientFor(server, org.owner, org.orgId);
      const lead = await buildMember(server, org.orgId, { role: "governance_lead" });
      const leadClient = await clientFor(server, lead, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}`;
      const a = (await owner.post(`${base}/ai-systems`, { name: "A" })).json();
      const b = (await leadClient.post(`${base}/ai-systems`, { name: "B" })).json();
      await owner.patch(`${base}/ai-systems/${a.id}`, { version: 1, name: "A2" });
      await leadClient.post(`${base}/ai-systems/${b.id}/archive`, { version: 1 });
      return { org, owner, lead, base, a, b };
    }

    it("lists the trail newest first with actor names, and pages by seq without gaps", async () => {
      const { owner, base, org, lead } = await setup();
      const all = (await owner.get(`${base}/audit-events`)).json();
      assert.deepEqual(
        all.items.map((e: Event) => e.type),
        ["ai_system.archived", "ai_system.updated", "ai_system.created", "ai_system.created"],
      );
      assert.deepEqual(
        all.items.map((e: Event) => e.seq),
        [4, 3, 2, 1],
      );
      assert.equal(all.items[0].actorId, lead.userId);
      assert.equal(all.items[1].actorId, org.owner.userId);
      assert.ok(all.items.every((e: Event) => typeof e.actorName === "string"));
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `${base}/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
        const page = (await owner.get(url)).json();
        seen.push(...page.items.map((e: Event) => e.seq));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [4, 3, 2, 1]);
    });

    it("filters by entity, actor, type and time", async () => {
      const { owner, base, a, lead } = await setup();
      const types = async (q: string) =>
        (await owner.get(`${base}/audit-events?${q}`)).json().items.map((e: Event) => e.type);
      assert.deepEqual(await types(`entityType=ai_system&entityId=${a.id}`), [
        "ai_system.updated",
        "ai_system.created",
      ]);
      assert.deepEqual(await types(`actorId=${lead.userId}`), ["ai_system.archived", "ai_system.created"]);
      assert.deepEqual(await types("type=ai_system.archived"), ["ai_system.archived"]);
      assert.deepEqual(await types("entityType=member"), []);
      const all = (await owner.get(`${base}/audit-events`)).json().items as Event[];
      const second = all[2]!.occurredAt;
      const fromSecond = (await owner.get(`${base}/audit-events?from=${encodeURIComponent(second)}`)).json();
      assert.ok(fromSecond.items.every((e: Event) => e.occurredAt >= second));
      assert.ok(fromSecond.items.some((e: Event) => e.seq === 2));
      const toSecond = (await owner.get(`${base}/audit-events?to=${encodeURIComponent(second)}`)).json();
      assert.ok(toSecond.items.every((e: Event) => e.occurredAt <= second));
      // an offset is understood as the instant it names
      const future = new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00");
      assert.equal((await types(`from=${encodeURIComponent(future)}`)).length, 0);
      assert.equal((await types(`to=${encodeURIComponent(future)}`)).length, 4);
    });

    it("verifies the chain", async () => {
      const { owner, base } = await setup();
      const res = await owner.get(`${base}/audit-events/verify`);
      assert.equal(res.statusCode, 200);
      const v = res.json();
      assert.equal(v.ok, true);
      assert.equal(v.checked, 4);
      assert.equal(v.headSeq, 4);
      assert.match(v.headHash, /^[0-9a-f]{64}$/);
    });

    for (const [role, allowed] of [
      ["owner", true],
      ["admin", true],
      ["governance_lead", true],
      ["auditor", true],
      ["contributor", false],
      ["viewer", false],
    ] as const) {
      it(`${allowed ? "lets" : "does not let"} a ${role} read and verify the trail`, async () => {
        const { org, base } = await setup();
        const c = await clientFor(server, await buildMember(server, org.orgId, { role }), org.orgId);
        for (const url of [`${base}/audit-events`, `${base}/audit-events/verify`]) {
          const res = await c.get(url);
          assert.equal(res.statusCode, allowed ? 200 : 403, `${url}: ${res.body}`);
        }
      });
    }

    it("rejects bad filters and cursors with 400 naming the parameter", async () => {
      const { owner, base } = await setup();
      const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
      for (const [q, path] of [
        ["from=yesterday", "querystring.from"],
        ["to=2025-13-01T00:00:00Z", "querystring.to"],
        ["limit=500", "querystring.limit"],
        ["entityId=%00", "querystring.entityId"],
        ["sort=seq", "querystring"],
        ["cursor=%%%", "cursor"],
        [`cursor=${forged(["x"])}`, "cursor"],
        [`cursor=${forged([1.5])}`, "cursor"],
        [`cursor=${forged([1, 2])}`, "cursor"],
      ]) {
        const res = await owner.get(`${base}/audit-events?${q}`);
        assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
        assert.equal(res.json().error.details.issues[0].path, path, q);
      }
      const noSuch = await owner.get(`${base}/audit-events?actorId=not-a-user`);
      assert.equal(noSuch.statusCode, 200);
      assert.deepEqual(noSuch.json().items, []);
    });
  });
}
