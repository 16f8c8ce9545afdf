import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { aiSystemSortKeys, aiTypes, lifecycleStages } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  buildAiSystems,
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  type TestClient,
  type TestServer,
} from "../testing";

interface Item {
  id: string;
  name: string;
  lifecycleStage: string;
  createdAt: string;
  updatedAt: string;
  ownerName: string | null;
  tags: string[];
}

/** Follows nextCursor to the end; fails on a page that repeats or a cursor loop. */
async function walk(client: TestClient, url: string): Promise<{ items: Item[]; totals: number[] }> {
  const items: Item[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await client.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor;
    if (!cursor) return { items, totals };
  }
  throw new Error("the cursor never ended");
}

const stageRank = (s: string) => lifecycleStages.indexOf(s as never);

for (const backend of testBackends()) {
  describe(`AI system list on ${backend}`, () => {
    let server: TestServer;
    let client: TestClient;
    let base: string;
    let ownerA: string;
    let all: { id: string; name: string }[];
    const N = 120;
    const t0 = Date.parse("2025-01-01T00:00:00Z");

    before(async () => {
      server = await createTestServer({ backend });
      const org = await buildOrg(server);
      client = await clientFor(server, org.owner, org.orgId);
      base = `/api/v1/orgs/${org.orgId}/ai-systems`;
      ownerA = org.owner.userId;
      const ownerB = (await buildMember(server, org.orgId)).userId;
      // Mixed case names, repeated timestamps and stages: ties must be broken by id without gaps.
      all = await buildAiSystems(server, org.orgId, N, (i) => ({
        name: `${i % 2 ? "sys" : "SYS"}-${String(i % 40).padStart(3, "0")}-${String(i).padStart(3, "0")}`,
        purpose: i % 10 === 0 ? `Handles 100%_of cases #${i}` : `Purpose ${i}`,
        description: i === 7 ? "Uses a Large Language Model" : "",
        businessUnit: i % 3 === 0 ? "Retail Banking" : "Operations",
        lifecycleStage: lifecycleStages[i % lifecycleStages.length],
        aiType: aiTypes[i % aiTypes.length],
        ownerId: i % 4 === 0 ? ownerA : i % 4 === 1 ? ownerB : null,
        tags: i % 5 === 0 ? ["eu", "finance"] : ["internal"],
        createdAt: new Date(t0 + Math.floor(i / 3) * 1000),
        updatedAt: new Date(t0 + (i % 7) * 1000),
        archivedAt: i % 12 === 11 ? new Date(t0) : null,
      }));
      // One other org's systems must never show up.
      const other = await buildOrg(server);
      await buildAiSystems(server, other.orgId, 5, (i) => ({ name: `SYS-other-${i}`, tags: ["eu"] }));
    });
    after(async () => server?.close());

    const live = () => all.filter((_, i) => i % 12 !== 11);

    for (const sort of aiSystemSortKeys) {
      it(`walks every live system sorted by ${sort} with no duplicates, gaps or disorder`, async () => {
        const { items, totals } = await walk(client, `${base}?sort=${sort}&limit=17`);
        const expected = live();
        assert.equal(items.length, expected.length);
        assert.equal(new Set(items.map((s) => s.id)).size, expected.length);
        assert.deepEqual(new Set(items.map((s) => s.id)), new Set(expected.map((s) => s.id)));
        assert.ok(totals.every((t) => t === expected.length));
        const key = (s: Item): string | number => {
          if (sort.endsWith("name")) return s.name.toLowerCase();
          if (sort.endsWith("lifecycleStage")) return stageRank(s.lifecycleStage);
          return sort.endsWith("createdAt") ? s.createdAt : s.updatedAt;
        };
        const desc = sort.startsWith("-");
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [key(items[i - 1]!), key(items[i]!)];
          assert.ok(desc ? a >= b : a <= b, `${sort}: ${a} then ${b}`);
          if (a === b) assert.ok(desc ? items[i - 1]!.id > items[i]!.id : items[i - 1]!.id < items[i]!.id);
        }
      });
    }

    it("sorts by lifecycle stage in lifecycle order, not alphabetically", async () => {
      const items = (await client.get(`${base}?sort=lifecycleStage&limit=200`)).json().items as Item[];
      const stages = [...new Set(items.map((s) => s.lifecycleStage))];
      assert.deepEqual(stages, [...lifecycleStages]);
    });

    it("searches name, purpose, description and business unit case-insensitively", async () => {
      const check = async (q: string, predicate: (i: number) => boolean) => {
        const { items, totals } = await walk(
          client,
          `${base}?archived=all&limit=50&q=${encodeURIComponent(q)}`,
        );
        const expected = all.filter((_, i) => predicate(i)).map((s) => s.id);
        assert.deepEqual(items.map((s) => s.id).sort(), expected.sort(), q);
        assert.equal(totals[0], expected.length);
      };
      await check("sys-001-", (i) => i % 40 === 1);
      await check("large language", (i) => i === 7);
      await check("retail", (i) => i % 3 === 0);
      // LIKE wildcards typed by the user are literal characters
      await check("100%_of", (i) => i % 10 === 0);
      await check("%", (i) => i % 10 === 0);
      await check("_", (i) => i % 10 === 0);
      await check("s_s", () => false);
      await check("sys%001", () => false);
      await check("#1", (i) => i % 10 === 0 && String(i).startsWith("1"));
    });

    it("filters by lifecycle stage, AI type, owner, tag and archived state, and counts the matches", async () => {
      const cases: [string, (i: number) => boolean][] = [
        ["lifecycleStage=deployed", (i) => i % 7 === 4 && i % 12 !== 11],
        ["aiType=agentic", (i) => i % 5 === 3 && i % 12 !== 11],
        [`ownerId=${ownerA}`, (i) => i % 4 === 0 && i % 12 !== 11],
        ["tag=eu", (i) => i % 5 === 0 && i % 12 !== 11],
        ["tag=EU", () => false],
        ["archived=true", (i) => i % 12 === 11],
        ["archived=all", () => true],
        ["archived=all&tag=internal&aiType=ml", (i) => i % 5 !== 0 && i % 5 === 0],
        ["tag=finance&lifecycleStage=idea&archived=all", (i) => i % 5 === 0 && i % 7 === 0],
      ];
      for (const [query, predicate] of cases) {
        const { items, totals } = await walk(client, `${base}?${query}&limit=25`);
        const expected = all.filter((_, i) => predicate(i)).map((s) => s.id);
        assert.deepEqual(items.map((s) => s.id).sort(), expected.sort(), query);
        assert.equal(totals[0], expected.length, query);
      }
    });

    it("joins owner names into the page", async () => {
      const items = (await client.get(`${base}?ownerId=${ownerA}&limit=5`)).json().items as Item[];
      assert.ok(items.length > 0);
      assert.ok(items.every((s) => typeof s.ownerName === "string" && s.ownerName.length > 0));
    });

    it("rejects a bad cursor, a cursor of another sort and a forged cursor with 400", async () => {
      const first = (await client.get(`${base}?sort=name&limit=5`)).json();
      const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
      const id = all[0]!.id;
      for (const url of [
        `${base}?cursor=not-a-cursor`,
        `${base}?cursor=${forged({ a: 1 })}`,
        `${base}?sort=-updatedAt&cursor=${first.nextCursor}`,
        `${base}?sort=updatedAt&cursor=${forged(["updatedAt", "yesterday", id])}`,
        `${base}?sort=createdAt&cursor=${forged(["createdAt", "2025-02-30T00:00:00.000000Z", id])}`,
        `${base}?sort=lifecycleStage&cursor=${forged(["lifecycleStage", "1; drop table x", id])}`,
        `${base}?sort=name&cursor=${forged(["name", "a", "not-a-uuid"])}`,
        `${base}?sort=name&cursor=${forged(["name", 5, id])}`,
      ]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, "invalid_input");
        assert.equal(res.json().error.details.issues[0].path, "cursor");
      }
    });

    it("rejects unknown sorts, filters and enum values naming the parameter", async () => {
      for (const [query, path] of [
        ["sort=owner", "querystring.sort"],
        ["lifecycleStage=live", "querystring.lifecycleStage"],
        ["aiType=magic", "querystring.aiType"],
        ["archived=maybe", "querystring.archived"],
        ["ownerId=bob", "querystring.ownerId"],
        ["limit=0", "querystring.limit"],
        ["limit=201", "querystring.limit"],
        ["limit=ten", "querystring.limit"],
        ["colour=red", "querystring"],
        ["q=%00", "querystring.q"],
      ]) {
        const res = await client.get(`${base}?${query}`);
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.equal(res.json().error.details.issues[0].path, path, query);
      }
    });
  });
}
