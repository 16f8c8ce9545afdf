import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { buildAiSystem, buildOrgWithClients, type TestClient, useTestServer } from "../testing";

interface Node {
  key: string;
  label: string;
  depth: number;
  archived: boolean;
  attention: { reason: string; componentId: string }[];
}

for (const backend of testBackends()) {
  describe(`inventory graph on ${backend}`, () => {
    const server = useTestServer(backend);

    /** vendor → model → system ← dataset (special categories), and a second system using the model. */
    async function setup() {
      const o = await buildOrgWithClients(server);
      const system = await buildAiSystem(server, o.org.orgId, { name: "Loan desk" });
      const other = await buildAiSystem(server, o.org.orgId, { name: "Collections" });
      const model = (
        await o.owner.post(`${o.base}/models`, {
          name: "Scorer",
          modelVersion: "2",
          gpai: true,
          links: [
            { type: "ai_system", id: system.id },
            { type: "ai_system", id: other.id },
          ],
        })
      ).json();
      const dataset = (
        await o.owner.post(`${o.base}/datasets`, {
          name: "Applications",
          specialCategories: true,
          links: [{ type: "ai_system", id: system.id }],
        })
      ).json();
      const vendor = (
        await o.owner.post(`${o.base}/vendors`, {
          name: "Acme",
          riskRating: "high",
          links: [{ type: "ai_model", id: model.id }],
        })
      ).json();
      return { ...o, system, other, model, dataset, vendor };
    }
    const graph = (c: TestClient, base: string, root: string) =>
      c.get(`${base}/inventory-graph?root=${root}`);

    it("returns the components around a system with edges and inherited flags", async () => {
      const { owner, base, system, other, model, dataset, vendor } = await setup();
      const res = await graph(owner, base, `ai_system:${system.id}`);
      assert.equal(res.statusCode, 200, res.body);
      const g = res.json();
      const byKey = new Map<string, Node>(g.nodes.map((n: Node) => [n.key, n]));
      assert.deepEqual(
        [...byKey.keys()].sort(),
        [
          `ai_model:${model.id}`,
          `ai_system:${other.id}`,
          `ai_system:${system.id}`,
          `dataset:${dataset.id}`,
          `vendor:${vendor.id}`,
        ].sort(),
      );
      assert.equal(byKey.get(`ai_system:${system.id}`)!.depth, 0);
      assert.equal(byKey.get(`ai_model:${model.id}`)!.label, "Scorer 2");
      assert.deepEqual(
        byKey
          .get(`ai_system:${system.id}`)!
          .attention.map((a) => a.reason)
          .sort(),
        ["gpai_model", "special_category_data", "vendor_high_risk"],
      );
      assert.deepEqual(
        byKey.get(`ai_model:${model.id}`)!.attention.map((a) => a.reason),
        ["gpai_model"],
      );
      assert.deepEqual(
        byKey.get(`vendor:${vendor.id}`)!.attention.map((a) => a.reason),
        ["vendor_high_risk"],
      );
      assert.deepEqual(
        g.edges
          .map((e: { from: string; to: string }) => `${e.from.split(":")[0]}>${e.to.split(":")[0]}`)
          .sort(),
        ["ai_model>ai_system", "ai_model>ai_system", "dataset>ai_system", "vendor>ai_model"],
      );
      assert.equal(g.truncated, false);
    });

    it("gives a system at the edge of a vendor's graph its complete inherited flags", async () => {
      const { owner, base, vendor, system } = await setup();
      const g = (await graph(owner, base, `vendor:${vendor.id}`)).json();
      const sys = g.nodes.find((n: Node) => n.key === `ai_system:${system.id}`);
      assert.equal(sys.depth, 2);
      // the dataset is three links from the vendor, outside the graph, yet its flag still reaches the system
      assert.ok(sys.attention.some((a: { reason: string }) => a.reason === "special_category_data"));
      assert.ok(!g.nodes.some((n: Node) => n.key.startsWith("dataset:")));
    });

    it("shows a lone record alone, archived components without passing flags", async () => {
      const { owner, base, org, model, system } = await setup();
      const lone = await buildAiSystem(server, org.orgId, { name: "Alone" });
      const g = (await graph(owner, base, `ai_system:${lone.id}`)).json();
      assert.deepEqual(
        g.nodes.map((n: Node) => n.label),
        ["Alone"],
      );
      assert.deepEqual(g.edges, []);
      await owner.post(`${base}/models/${model.id}/archive`, { version: model.version });
      const after = (await graph(owner, base, `ai_system:${system.id}`)).json();
      const m = after.nodes.find((n: Node) => n.key === `ai_model:${model.id}`);
      assert.equal(m.archived, true);
      assert.deepEqual(m.attention, []);
    });

    it("answers 400 for a malformed root and 404 for another org's or an unknown record", async () => {
      const a = await setup();
      const b = await buildOrgWithClients(server);
      for (const root of [
        "",
        "risk:00000000-0000-4000-8000-000000000000",
        `ai_system:${a.system.id}x`,
        "ai_system",
      ])
        assert.equal((await graph(a.owner, a.base, root)).statusCode, 400, root);
      for (const root of [`ai_system:${a.system.id}`, `vendor:${a.vendor.id}`, `dataset:${a.dataset.id}`])
        assert.equal((await graph(b.owner, b.base, root)).statusCode, 404, root);
      assert.equal((await graph(b.owner, a.base, `ai_system:${a.system.id}`)).statusCode, 404);
      assert.equal(
        (await graph(a.owner, a.base, "ai_model:00000000-0000-4000-8000-000000000000")).statusCode,
        404,
      );
    });
  });
}
