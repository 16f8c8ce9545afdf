import { before, describe, it } from "node:test";
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

const NOW = new Date("2026-07-02T12:00:00.000Z");

for (const backend of testBackends()) {
  describe(`vendor routes on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, orgBase: base, base: `${base}/vendors`, as };
    }
    const body = (extra: Record<string, unknown> = {}) => ({
      name: "Acme Models Ltd",
      supplies: "Hosted language model API",
      contractStart: "2026-01-01",
      contractEnd: "2027-12-31",
      reviewDate: "2026-07-02",
      riskRating: "high",
      responsibilities: [
        { topic: "Incident notification", party: "vendor", notes: "within 24 hours" },
        { topic: "Human oversight of outputs", party: "organization" },
      ],
      customerObligations: "Tell customers that answers are machine-generated.",
      ...extra,
    });

    it("records a vendor with what it supplies, flags a due review, updates and archives it with audit", async () => {
      const { org, owner, orgBase, base } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Helpdesk bot" });
      const model = (await owner.post(`${orgBase}/models`, { name: "Hosted LM" })).json();
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
      const v = res.json();
      assert.equal(v.reviewDue, true);
      assert.equal(v.riskRating, "high");
      assert.equal(v.responsibilities[1].notes, "");
      assert.deepEqual(v.links.map((l: { label: string }) => l.label).sort(), ["Helpdesk bot", "Hosted LM"]);
      const upd = await owner.patch(`${base}/${v.id}`, {
        version: 1,
        reviewDate: "2027-01-15",
        riskRating: "medium",
      });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal(upd.json().reviewDue, false);
      assert.equal((await owner.get(`${base}?riskRating=medium`)).json().items[0].id, v.id);
      assert.equal((await owner.patch(`${base}/${v.id}`, { version: 1, notes: "x" })).statusCode, 409);
      assert.equal((await owner.post(`${base}/${v.id}/archive`, { version: 2 })).statusCode, 200);
      const types = (await assertChainIntact(server, org.orgId)).filter((t) => t.startsWith("vendor."));
      assert.deepEqual(types, ["vendor.created", "vendor.updated", "vendor.archived"]);
      const updated = (await auditEventsOf(server, org.orgId)).find((e) => e.type === "vendor.updated")!;
      assert.deepEqual((updated.payload as { diff: unknown }).diff, {
        reviewDate: ["2026-07-02", "2027-01-15"],
        riskRating: ["high", "medium"],
      });
    });

    it("answers 400 naming the field, 403 to viewers, 404 to another organization", async () => {
      const a = await setup();
      const b = await setup();
      for (const [input, path] of [
        [body({ contractEnd: "2025-12-31" }), "contractEnd"],
        [body({ riskRating: "extreme" }), "riskRating"],
        [body({ responsibilities: [{ topic: "x", party: "nobody" }] }), "responsibilities.0.party"],
        [body({ reviewDate: "next year" }), "reviewDate"],
      ] as const) {
        const res = await a.owner.post(a.base, input);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.details.issues[0].path, path, res.body);
      }
      const v = (await a.owner.post(a.base, body())).json();
      const viewer = await a.as("viewer");
      assert.equal((await viewer.get(`${a.base}/${v.id}`)).statusCode, 200);
      assert.equal((await viewer.post(a.base, body())).statusCode, 403);
      for (const call of [
        () => b.owner.get(`${a.base}/${v.id}`),
        () => b.owner.get(`${b.base}/${v.id}`),
        () => b.owner.patch(`${b.base}/${v.id}`, { version: 1, name: "x" }),
      ])
        assert.equal((await call()).statusCode, 404);
    });
  });
}
