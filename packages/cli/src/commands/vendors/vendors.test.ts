import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims vendors on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("creates a vendor supplying a system, lists by risk and shows it; a bad rating names --risk", async () => {
      const { env, org } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Helpdesk bot" });
      const v = await runCliJson(
        [
          "vendors",
          "create",
          "--name",
          "Acme",
          "--risk",
          "high",
          "--review",
          "2027-01-31",
          "--system",
          system.id,
          "--json",
        ],
        { env },
      );
      assert.equal(v.riskRating, "high");
      const list = await runCli(["vendors", "list", "--risk", "high"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /Acme\s+high\s+2027-01-31/);
      const show = await runCli(["vendors", "show", v.id], { env });
      assert.match(show.stdout, /ai_system: Helpdesk bot/);
      const bad = await runCli(["vendors", "create", "--name", "x", "--risk", "extreme"], { env });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /--risk/);
    });
  });
}
