import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { auditEventsOf, buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims models on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("creates a model linked to a system, lists and shows it", async () => {
      const { env, org } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Loan desk" });
      const created = await runCliJson(
        [
          "models",
          "create",
          "--name",
          "Credit scorer",
          "--model-version",
          "2.1",
          "--gpai",
          "--compute",
          "3e24",
          "--system",
          system.id,
          "--json",
        ],
        { env },
      );
      assert.equal(created.gpai, true);
      assert.equal(created.trainingComputeFlop, 3e24);
      assert.equal(created.links[0].label, "Loan desk");
      const events = await auditEventsOf(t.server, org.orgId);
      assert.ok(events.some((e) => e.type === "ai_model.created" && e.entityId === created.id));

      const list = await runCli(["models", "list", "--gpai"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /Credit scorer\s+2\.1/);

      const show = await runCli(["models", "show", created.id], { env });
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /Training compute:\s+3\.00e\+24 FLOP/);
      assert.match(show.stdout, /Systems:\s+Loan desk/);
    });

    it("refuses bad input before calling the server, naming the flag", async () => {
      const { env } = await orgWithToken(t);
      const res = await runCli(["models", "create", "--name", "x", "--compute", "-1"], { env });
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /--compute/);
      const bad = await runCli(["models", "show", "nope"], { env });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /not a model id/);
    });
  });
}
