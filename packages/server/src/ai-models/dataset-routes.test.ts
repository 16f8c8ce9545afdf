import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`dataset routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, orgBase: base, base: `${base}/datasets`, as };
    }
    const body = (extra: Record<string, unknown> = {}) => ({
      name: "Loan applications 2020–2024",
      source: "Core banking system export",
      provenance: ["Collected at application time", "Exported by the data team", "Pseudonymised"],
      personalData: true,
      retention: "7 years after the loan closes",
      datasheet: { motivation: { purpose: "Train the credit scorer" } },
      ...extra,
    });

    it("creates, updates, archives a dataset with links to systems and models, auditing each step", async () => {
      const { org, owner, orgBase, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Loan desk" });
      const model = (await owner.post(`${orgBase}/models`, { name: "Credit scorer" })).json();
      const res = await owner.post(
        base,
        body({
          links: [
            { type: "ai_system", id: system.id },
            { type: "ai_model", id: model.id },
          ],
        }),
      );
      assert.equal(res.statusCode, 201, res.body);
      const d = res.json();
      assert.deepEqual(d.provenance, [
        "Collected at application time",
        "Exported by the data team",
        "Pseudonymised",
      ]);
      assert.equal(d.datasheet.motivation.purpose, "Train the credit scorer");
      assert.deepEqual(d.links.map((l: { type: string; label: string }) => `${l.type} ${l.label}`).sort(), [
        "ai_model Credit scorer",
        "ai_system Loan desk",
      ]);
      const stale = await owner.patch(`${base}/${d.id}`, { version: 2, specialCategories: true });
      assert.equal(stale.statusCode, 409);
      const upd = await owner.patch(`${base}/${d.id}`, { version: 1, specialCategories: true });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal((await owner.get(`${base}?specialCategories=true`)).json().items[0].id, d.id);
      assert.equal((await owner.post(`${base}/${d.id}/archive`, { version: 2 })).statusCode, 200);
      assert.equal((await owner.get(base)).json().items.length, 0);
      const types = (await assertChainIntact(server, org.orgId)).filter((t) => t.startsWith("dataset."));
      assert.deepEqual(types, ["dataset.created", "dataset.updated", "dataset.archived"]);
      const events = await auditEventsOf(server, org.orgId);
      const updated = events.find((e) => e.type === "dataset.updated")!;
      assert.deepEqual((updated.payload as { diff: unknown }).diff, { specialCategories: [false, true] });
    });

    it("raises attention on a system whose dataset (direct or through a model) holds special categories", async () => {
      const { org, owner, orgBase, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Triage" });
      const model = (
        await owner.post(`${orgBase}/models`, {
          name: "Triage model",
          links: [{ type: "ai_system", id: system.id }],
        })
      ).json();
      const components = async () =>
        (await owner.get(`${orgBase}/ai-systems/${system.id}/components`)).json();
      const plain = (
        await owner.post(base, body({ name: "Plain", links: [{ type: "ai_system", id: system.id }] }))
      ).json();
      assert.deepEqual((await components()).attention, []);
      const health = (
        await owner.post(
          base,
          body({
            name: "Health records",
            specialCategories: true,
            links: [{ type: "ai_model", id: model.id }],
          }),
        )
      ).json();
      const c = await components();
      assert.deepEqual(
        c.datasets.map((x: { name: string; via: string }) => [x.name, x.via]),
        [
          ["Health records", model.id],
          ["Plain", "system"],
        ],
      );
      assert.deepEqual(c.attention, [
        {
          reason: "special_category_data",
          componentType: "dataset",
          componentId: health.id,
          label: "Health records",
        },
      ]);
      void plain;
      // archived datasets pass nothing on
      await owner.post(`${base}/${health.id}/archive`, { version: 1 });
      assert.deepEqual((await components()).attention, []);
    });

    it("answers 400 naming the field, 403 to viewers, 404 to another organization", async () => {
      const a = await setup();
      const b = await setup();
      for (const [input, path] of [
        [body({ provenance: ["ok", ""] }), "provenance.1"],
        [body({ personalData: "yes" }), "personalData"],
        [body({ datasheet: { motivation: { why: "x" } } }), "datasheet.motivation"],
        [body({ links: [{ type: "document", id: a.org.orgId }] }), "links.0.type"],
      ] as const) {
        const res = await a.owner.post(a.base, input);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.details.issues[0].path, path, res.body);
      }
      const d = (await a.owner.post(a.base, body())).json();
      const viewer = await a.as("viewer");
      assert.equal((await viewer.get(`${a.base}/${d.id}`)).statusCode, 200);
      assert.equal((await viewer.post(a.base, body())).statusCode, 403);
      for (const call of [
        () => b.owner.get(`${a.base}/${d.id}`),
        () => b.owner.get(`${b.base}/${d.id}`),
        () => b.owner.patch(`${b.base}/${d.id}`, { version: 1, name: "x" }),
        () => b.owner.post(`${b.base}/${d.id}/archive`, { version: 1 }),
      ])
        assert.equal((await call()).statusCode, 404);
      const foreign = await buildAiSystem(server, b.org.orgId);
      const link = await a.owner.post(a.base, body({ links: [{ type: "ai_system", id: foreign.id }] }));
      assert.equal(link.statusCode, 400);
      assert.equal(link.json().error.details.issues[0].path, "links.0");
    });
  });
}
