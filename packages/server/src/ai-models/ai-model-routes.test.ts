import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  type TestClient,
  useTestServer,
} from "../testing";

for (const backend of testBackends()) {
  describe(`AI model routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, orgBase: base, base: `${base}/models`, as };
    }
    const body = (extra: Record<string, unknown> = {}) => ({
      name: "Credit scorer",
      modelVersion: "2.1",
      modelType: "gradient-boosted trees",
      provider: "Data science team",
      licence: "proprietary",
      intendedUse: "Rank loan applications for manual review",
      modelCard: { intendedUse: { outOfScopeUses: "Automated rejection" } },
      ...extra,
    });
    const create = async (c: TestClient, base: string, extra: Record<string, unknown> = {}) => {
      const res = await c.post(base, body(extra));
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    it("documents the model routes in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const path of [
        "/api/v1/orgs/{orgId}/models",
        "/api/v1/orgs/{orgId}/models/{id}",
        "/api/v1/orgs/{orgId}/models/{id}/archive",
        "/api/v1/orgs/{orgId}/ai-systems/{id}/components",
      ])
        assert.ok(doc.paths[path], path);
    });

    it("creates, reads, updates, lists, archives and restores a model, auditing each step", async () => {
      const { org, owner, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Loan desk" });
      const m = await create(owner, base, { links: [{ type: "ai_system", id: system.id }] });
      assert.equal(m.version, 1);
      assert.equal(m.gpai, false);
      assert.equal(m.providerKind, "in_house");
      assert.equal(m.modelCard.intendedUse.outOfScopeUses, "Automated rejection");
      assert.deepEqual(
        m.links.map((l: { type: string; id: string; label: string }) => [l.type, l.id, l.label]),
        [["ai_system", system.id, "Loan desk"]],
      );
      assert.equal(m.abilities.update, true);

      const got = (await owner.get(`${base}/${m.id}`)).json();
      assert.equal(got.intendedUse, "Rank loan applications for manual review");

      const upd = await owner.patch(`${base}/${m.id}`, { version: 1, gpai: true, trainingComputeFlop: 2e25 });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal(upd.json().version, 2);
      assert.equal(upd.json().trainingComputeFlop, 2e25);

      const stale = await owner.patch(`${base}/${m.id}`, { version: 1, name: "x" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");

      await create(owner, base, { name: "Another model" });
      const page1 = (await owner.get(`${base}?limit=1`)).json();
      assert.equal(page1.items.length, 1);
      assert.equal(page1.items[0].name, "Another model");
      assert.ok(page1.nextCursor);
      const page2 = (
        await owner.get(`${base}?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`)
      ).json();
      assert.deepEqual(
        page2.items.map((i: { name: string }) => i.name),
        ["Credit scorer"],
      );
      assert.equal(page2.nextCursor, null);
      assert.deepEqual(
        (await owner.get(`${base}?gpai=true`)).json().items.map((i: { id: string }) => i.id),
        [m.id],
      );

      const arch = await owner.post(`${base}/${m.id}/archive`, { version: 2 });
      assert.equal(arch.statusCode, 200, arch.body);
      assert.ok(arch.json().archivedAt);
      assert.equal((await owner.patch(`${base}/${m.id}`, { version: 3, name: "y" })).statusCode, 409);
      assert.equal((await owner.get(base)).json().items.length, 1);
      const rest = await owner.post(`${base}/${m.id}/restore`, { version: 3 });
      assert.equal(rest.statusCode, 200, rest.body);

      const types = await assertChainIntact(server, org.orgId);
      const modelTypes = types.filter((t) => t.startsWith("ai_model."));
      assert.deepEqual(modelTypes, [
        "ai_model.created",
        "ai_model.updated",
        "ai_model.created",
        "ai_model.archived",
        "ai_model.restored",
      ]);
      const events = await auditEventsOf(server, org.orgId);
      const created = events.find((e) => e.type === "ai_model.created" && e.entityId === m.id)!;
      assert.deepEqual((created.payload as { links: { added: unknown[] } }).links.added, [
        { type: "ai_system", id: system.id },
      ]);
      const updated = events.find((e) => e.type === "ai_model.updated")!;
      assert.deepEqual((updated.payload as { diff: unknown }).diff, {
        gpai: [false, true],
        trainingComputeFlop: [null, 2e25],
      });
    });

    it("passes a GPAI model's flag on to the systems it is part of (computed on read)", async () => {
      const { org, owner, orgBase, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Assistant" });
      const components = () => owner.get(`${orgBase}/ai-systems/${system.id}/components`);
      assert.deepEqual((await components()).json().attention, []);
      const small = await create(owner, base, {
        name: "Router",
        links: [{ type: "ai_system", id: system.id }],
      });
      assert.deepEqual((await components()).json().attention, []);
      const big = await create(owner, base, {
        name: "Big LM",
        gpai: true,
        links: [{ type: "ai_system", id: system.id }],
      });
      const c = (await components()).json();
      assert.deepEqual(
        c.models.map((x: { id: string }) => x.id),
        [big.id, small.id],
      );
      assert.deepEqual(c.attention, [
        { reason: "gpai_model", componentType: "ai_model", componentId: big.id, label: "Big LM" },
      ]);
      // unlinking the GPAI model clears the flag
      await owner.patch(`${base}/${big.id}`, { version: 1, links: [] });
      assert.deepEqual((await components()).json().attention, []);
    });

    it("answers 400 naming the field on bad input", async () => {
      const { owner, base } = await setup();
      const cases: [Record<string, unknown>, string][] = [
        [body({ name: "" }), "name"],
        [body({ trainingComputeFlop: -5 }), "trainingComputeFlop"],
        [body({ providerKind: "martian" }), "providerKind"],
        [body({ modelCard: { details: { colour: "red" } } }), "modelCard.details"],
      ];
      for (const [input, path] of cases) {
        const res = await owner.post(base, input);
        assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
        assert.equal(res.json().error.details.issues[0].path, path, res.body);
      }
    });

    it("lets viewers and auditors read but not write", async () => {
      const { owner, base, as } = await setup();
      const m = await create(owner, base);
      for (const role of ["viewer", "auditor"] as BuiltinRole[]) {
        const c = await as(role);
        assert.equal((await c.get(`${base}/${m.id}`)).statusCode, 200);
        assert.equal((await c.post(base, body())).statusCode, 403);
        assert.equal((await c.patch(`${base}/${m.id}`, { version: 1, name: "z" })).statusCode, 403);
      }
      assert.equal((await (await as("contributor")).post(base, body())).statusCode, 201);
    });

    it("answers 404 to another organization and refuses links to its systems", async () => {
      const a = await setup();
      const b = await setup();
      const m = await create(a.owner, a.base);
      const foreignSystem = await buildAiSystem(server, b.org.orgId);
      const intruder = b.owner;
      for (const call of [
        () => intruder.get(a.base),
        () => intruder.get(`${a.base}/${m.id}`),
        () => intruder.patch(`${a.base}/${m.id}`, { version: 1, name: "x" }),
        () => intruder.post(`${a.base}/${m.id}/archive`, { version: 1 }),
        () => intruder.get(`${b.base}/${m.id}`),
        () => intruder.patch(`${b.base}/${m.id}`, { version: 1, name: "x" }),
        () => a.owner.get(`${a.orgBase}/ai-systems/${foreignSystem.id}/components`),
      ])
        assert.equal((await call()).statusCode, 404);
      const link = await a.owner.post(a.base, body({ links: [{ type: "ai_system", id: foreignSystem.id }] }));
      assert.equal(link.statusCode, 400);
      assert.equal(link.json().error.details.issues[0].path, "links.0");
    });
  });
}
