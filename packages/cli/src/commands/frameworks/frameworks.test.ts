import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer, runCliJson } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims frameworks on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("lists the catalogues as a table and as JSON with node counts", async () => {
      const { env } = await orgWithToken(t, "viewer");
      const human = await runCli(["frameworks", "list"], { env });
      assert.equal(human.code, 0, human.stderr);
      const lines = human.stdout.trimEnd().split("\n");
      assert.match(lines[0]!, /^ID +NAME +VERSION +REQUIREMENTS +CONTROLS$/);
      assert.match(human.stdout, /^iso-iec-42001-2023 +ISO\/IEC 42001 +2023 +32 +38$/m);

      const json = await runCli(["frameworks", "ls", "--json"], { env });
      const iso = JSON.parse(json.stdout).items.find((f: { id: string }) => f.id === "iso-iec-42001-2023");
      assert.deepEqual(iso.counts, { heading: 22, requirement: 32, control: 38, objective: 10 });
    });

    it("shows the outline, indented under clauses and Annex A groups", async () => {
      const { env } = await orgWithToken(t);
      const res = await runCli(["frameworks", "show", "iso-iec-42001-2023"], { env });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^Framework: +ISO\/IEC 42001:2023/m);
      assert.match(res.stdout, /^  6\.1  Actions to address risks and opportunities \(heading\)$/m);
      assert.match(res.stdout, /^    6\.1\.2  AI risk assessment$/m);
      assert.match(res.stdout, /^    A\.6\.2\.8  AI system recording of event logs$/m);
      assert.doesNotMatch(res.stdout, /A\.11/);
    });

    it("shows one node with its guidance, also by its Annex B number, and as JSON", async () => {
      const { env } = await orgWithToken(t);
      const res = await runCli(["frameworks", "show", "iso-iec-42001-2023", "--node", "A.6.2.4"], { env });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^Title: +AI system verification and validation$/m);
      assert.match(res.stdout, /^Kind: +Control$/m);
      assert.match(res.stdout, /^Audit questions: +- /m);
      assert.match(res.stdout, /^Related: .*6\.1\.3/m);

      const node = await runCliJson(
        ["frameworks", "show", "iso-iec-42001-2023", "--node", "B.6.2.4", "--json"],
        {
          env,
        },
      );
      assert.equal(node.id, "A.6.2.4");
      assert.ok(node.guidance.evidence.length >= 2);
    });

    it("exits 4 for an unknown framework or node, and 3 without credentials", async () => {
      const { env } = await orgWithToken(t);
      const unknown = await runCli(["frameworks", "show", "iso-iec-42001-2022"], { env });
      assert.equal(unknown.code, 4);
      assert.match(unknown.stderr, /not found/i);

      const node = await runCli(["frameworks", "show", "iso-iec-42001-2023", "--node", "6.1.5"], { env });
      assert.equal(node.code, 4);
      assert.match(node.stderr, /has no node 6\.1\.5/);

      const anonymous = await runCli(["frameworks", "list"], {
        env: { OPENAIMS_URL: t.url, OPENAIMS_TOKEN: "oa_not-a-real-token" },
      });
      assert.equal(anonymous.code, 3, anonymous.stderr);
    });
  });
}
