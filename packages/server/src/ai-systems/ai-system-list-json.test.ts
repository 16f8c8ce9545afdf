import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { AiSystemPage, aiSystemSortKeys, aiTypes, lifecycleStages, type Actor } from "@openaims/core";
import { actorInOrg, listAiSystems, type Identity } from "@openaims/app";
import { testBackends } from "@openaims/db/testing";
import { shaperOf } from "../plugins/shaped-serializer";
import {
  buildAiSystems,
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  type TestClient,
  type TestServer,
} from "../testing";

// The list route writes its items' JSON in PostgreSQL (listAiSystemsJson). The oracle is the presenter path it
// replaced: listAiSystems + the route's shaped serializer. Every page of every sort, archived state and filter
// must come out byte for byte the same.

const shape = shaperOf(AiSystemPage)!;

/** Strings a hand-written JSON encoder gets wrong: quotes, backslashes, control characters, non-BMP, U+2028. */
const awkward = [
  'He said "hi"',
  "back\\slash \\u0041 \\n",
  "tab\there\nnew line\r\nCR",
  "\u0001\u0008\u000b\u000c\u001f\u007f ctrl",
  "Zürich — 東京 — Ελληνικά — 🚀👩🏽‍💻",
  "line\u2028sep\u2029para",
  "</script><b>&amp;</b>",
  "",
  "  spaces  ",
  "100%_of \\% cases",
  "Ωmega ﬁ ß İ",
  '{"json": [1, 2]}',
];

for (const backend of testBackends()) {
  describe(`AI system list written by PostgreSQL on ${backend}`, () => {
    let server: TestServer;
    let orgId: string;
    let base: string;
    let ownerId: string;
    const readers: { client: TestClient; actor: Actor; role: string }[] = [];

    before(async () => {
      server = await createTestServer({ backend });
      const org = await buildOrg(server);
      orgId = org.orgId;
      ownerId = org.owner.userId;
      base = `/api/v1/orgs/${orgId}/ai-systems`;
      const other = await buildMember(server, orgId, { role: "contributor" });
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      // an owner whose name is awkward too
      await server.database.db.execute(
        sql`update users set name = ${'Renée "Ops" \\ O\u2019Brien\ttab'} where id = ${other.userId}`,
      );
      await buildAiSystems(server, orgId, 90, (i) => ({
        name: `${awkward[i % awkward.length]}${i % 2 ? "x" : "X"}${String(i).padStart(3, "0")}`,
        purpose: awkward[(i + 3) % awkward.length],
        description: i % 5 === 0 ? awkward[(i + 1) % awkward.length] : "",
        businessUnit: awkward[(i + 5) % awkward.length],
        lifecycleStage: lifecycleStages[i % lifecycleStages.length],
        aiType: aiTypes[i % aiTypes.length],
        aiRoles: i % 4 === 0 ? [] : i % 4 === 1 ? ["provider"] : ["provider", "customer"],
        deploymentContext: awkward[(i + 7) % awkward.length],
        geographies: i % 3 === 0 ? [] : ["EU", awkward[i % awkward.length]!, "a, b"],
        affectedStakeholders: i % 2 ? [awkward[(i + 2) % awkward.length]!] : [],
        humanOversight: awkward[(i + 9) % awkward.length],
        tags: i % 6 === 0 ? [] : i % 6 === 1 ? ["eu", 'quote"d'] : ["internal", "Zürich"],
        ownerId: i % 3 === 0 ? ownerId : i % 3 === 1 ? other.userId : null,
        archivedAt: i % 9 === 8 ? new Date(Date.UTC(2025, 5, 1, 12, 0, 0, i)) : null,
        version: 1 + (i % 4),
      }));
      // microsecond timestamps (the presenter's Date keeps milliseconds), repeated ones for the keyset ties
      await server.database.db.execute(sql`update ai_systems set
        created_at = timestamptz '2025-01-01 00:00:00+00' + (abs(hashtext(id::text)) % 5) * interval '1 s'
          + (abs(hashtext(id::text)) % 1000000) * interval '1 microsecond',
        updated_at = timestamptz '2025-02-03 04:05:06.999999+00' + (abs(hashtext(name)) % 3) * interval '1 ms',
        archived_at = archived_at + (abs(hashtext(id::text)) % 997) * interval '1 microsecond'
        where org_id = ${orgId}`);
      // another org's systems never show up
      const elsewhere = await buildOrg(server);
      await buildAiSystems(server, elsewhere.orgId, 3, (i) => ({ name: `X-other-${i}`, tags: ["eu"] }));

      for (const [member, role] of [
        [org.owner, "owner"],
        [viewer, "viewer"],
      ] as const) {
        const identity: Identity = {
          userId: member.userId,
          email: member.email,
          name: "",
          isInstanceAdmin: false,
          via: "session",
          sessionId: null,
          csrfToken: null,
          token: null,
        };
        readers.push({
          client: await clientFor(server, member, orgId),
          actor: await actorInOrg(server.ctx, identity, orgId),
          role,
        });
      }
    });
    after(async () => server?.close());

    /** Walks every page of `query` over HTTP, comparing each body with the presenter's for the same request. */
    async function same(query: Record<string, string>, reader = readers[0]!): Promise<number> {
      let cursor: string | null = null;
      let items = 0;
      for (let pages = 0; pages < 200; pages++) {
        const q: Record<string, string> = { ...query, ...(cursor ? { cursor } : {}) };
        const res = await reader.client.get(`${base}?${new URLSearchParams(q)}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers["content-type"]), /^application\/json/);
        const expected: string = JSON.stringify(shape(await listAiSystems(server.ctx, reader.actor, q)));
        assert.equal(res.body, expected, `${reader.role} ${new URLSearchParams(q)}`);
        const page = AiSystemPage.parse(JSON.parse(res.body));
        items += page.items.length;
        cursor = page.nextCursor;
        if (!cursor) return items;
      }
      throw new Error("the cursor never ended");
    }

    it("has data awkward enough to matter", async () => {
      const body = (await readers[0]!.client.get(`${base}?archived=all&limit=200`)).json();
      assert.equal(body.items.length, 90);
      const text = JSON.stringify(body);
      for (const s of ['\\"hi\\"', "\\\\", "\\t", "\\u0001", "\u2028", "🚀", "null"])
        assert.ok(text.includes(s), s);
      // microseconds in the database, milliseconds in the response
      assert.ok(body.items.every((s: { createdAt: string }) => /\.\d{3}Z$/.test(s.createdAt)));
    });

    for (const sort of aiSystemSortKeys)
      for (const archived of ["false", "true", "all"])
        it(`equals the presenter's bytes on every page, sort=${sort} archived=${archived}`, async () => {
          const n = await same({ sort, archived, limit: "7" });
          assert.equal(n, archived === "false" ? 80 : archived === "true" ? 10 : 90);
        });

    it("equals the presenter's bytes for every filter, alone and combined", async () => {
      const filters: Record<string, string>[] = [
        { lifecycleStage: "deployed" },
        { aiType: "agentic", archived: "all" },
        { ownerId },
        { tag: "eu" },
        { tag: 'quote"d', sort: "-updatedAt" },
        { tag: "Zürich", archived: "true" },
        { q: "zürich" },
        { q: '"hi"', sort: "lifecycleStage" },
        { q: "100%_of", archived: "all", sort: "-createdAt" },
        { q: "東京", lifecycleStage: "idea" },
        { q: "nothing matches this" },
        { tag: "eu", ownerId, aiType: "ml", archived: "all" },
        { lifecycleStage: "retired", aiType: "other", sort: "-name" },
      ];
      for (const f of filters) await same({ limit: "4", ...f });
      for (const f of filters) await same({ limit: "50", ...f }, readers[1]);
    });

    it("gives a viewer the viewer's abilities, the same as the presenter", async () => {
      await same({ archived: "all", limit: "25" }, readers[1]);
      const body = (await readers[1]!.client.get(`${base}?limit=1`)).json();
      assert.equal(body.items[0].abilities.update, false);
    });

    it("keeps the presenter's answer to a cursor it did not produce", async () => {
      const res = await readers[0]!.client.get(`${base}?cursor=bm90LWEtY3Vyc29y`);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, "invalid_input");
    });
  });
}
