import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { auditEventsOf, buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims datasets on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("creates a dataset with provenance and links, lists and shows it", async () => {
      const { env, org } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Claims triage" });
      const d = await runCliJson(
        [
          "datasets",
          "create",
          "--name",
          "Claims 2024",
          "--provenance",
          "Collected by the claims desk",
          "--provenance",
          "Pseudonymised",
          "--special-categories",
          "--system",
          system.id,
          "--json",
        ],
        { env },
      );
      assert.equal(d.personalData, true);
      assert.equal(d.specialCategories, true);
      assert.deepEqual(d.provenance, ["Collected by the claims desk", "Pseudonymised"]);
      const events = await auditEventsOf(t.server, org.orgId);
      assert.ok(events.some((e) => e.type === "dataset.created" && e.entityId === d.id));
      const list = await runCli(["datasets", "list", "--special-categories"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /Claims 2024/);
      const show = await runCli(["datasets", "show", d.id], { env });
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /1\. Collected by the claims desk\n\s+2\. Pseudonymised/);
      assert.match(show.stdout, /system: Claims triage/);
    });

    it("refuses an empty provenance step naming the flag", async () => {
      const { env } = await orgWithToken(t);
      const res = await runCli(["datasets", "create", "--name", "x", "--provenance", ""], { env });
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /--provenance/);
    });
  });
}
