import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { testBackends } from "@openaims/db/testing";
import { buildMember, clientFor } from "@openaims/server/testing";
import { orgWithToken, runCli, tempDir, useCliTestServer } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims scope and aims raci on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("shows the approved scope, or says there is none", async () => {
      const { org, env } = await orgWithToken(t, "viewer");
      const none = await runCli(["scope", "show"], { env });
      assert.equal(none.code, 0, none.stderr);
      assert.equal(none.stdout, "No approved scope yet.\n");

      const owner = await clientFor(t.server, org.owner, org.orgId);
      const base = `/api/v1/orgs/${org.orgId}/scope/versions`;
      await owner.post(base);
      await owner.patch(`${base}/1`, {
        version: 1,
        statement: "All AI systems of the bank",
        inclusions: ["Credit scoring"],
        exclusions: [{ item: "HR chatbot", justification: "Bought as a service" }],
      });
      await owner.post(`${base}/1/submit`, { version: 2 });
      const draft = await runCli(["scope", "show", "--draft"], { env });
      assert.match(draft.stdout, /^Version: +1 \(In review\)$/m);

      const lead = await clientFor(t.server, await buildLead(org.orgId), org.orgId);
      assert.equal((await lead.post(`${base}/1/approve`, { version: 3 })).statusCode, 200);

      const shown = await runCli(["scope", "show"], { env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /^Version: +1 \(Approved\)$/m);
      assert.match(shown.stdout, /^Statement: +All AI systems of the bank$/m);
      assert.match(shown.stdout, /^Exclusions: +- HR chatbot: Bought as a service$/m);
      const json = JSON.parse((await runCli(["scope", "show", "--json"], { env })).stdout);
      assert.equal(json.approved.number, 1);
    });

    it("exports the matrix as CSV to stdout and as XLSX to a file; --check fails an incomplete matrix", async () => {
      const { org, env } = await orgWithToken(t);
      const owner = await clientFor(t.server, org.owner, org.orgId);
      const seeded = (await owner.post(`/api/v1/orgs/${org.orgId}/raci/activities/seed`)).json();
      const show = await runCli(["raci", "show", "--check"], { env });
      assert.equal(show.code, 1);
      assert.match(show.stdout, /^ACTIVITY\s*$/m);
      assert.match(show.stderr, /error: "Maintain the AI policy" has no one accountable \(A\)\./);

      const first = seeded.matrix.activities[0];
      await owner.request({
        method: "PUT",
        url: `/api/v1/orgs/${org.orgId}/raci`,
        payload: {
          rows: [
            { activityId: first.id, version: 1, assignments: [{ type: "role", key: "owner", letter: "A" }] },
          ],
        },
      });
      const csv = await runCli(["raci", "export"], { env });
      assert.equal(csv.code, 0, csv.stderr);
      assert.match(csv.stdout, /^\uFEFFActivity,Framework node,Owner \(role\),Check\r\n/);
      assert.match(csv.stdout, /\r\nSet the AIMS scope and context,4\.3 [^,]+,A,/);

      const dir = await tempDir("raci");
      try {
        const res = await runCli(["raci", "export", "--format", "xlsx", "--out", "raci.xlsx"], {
          env,
          cwd: dir.path,
        });
        assert.equal(res.code, 0, res.stderr);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await readFile(join(dir.path, "raci.xlsx"))) as unknown as ArrayBuffer);
        assert.equal(wb.getWorksheet("RACI")!.getCell("C2").value, "A");
        const noOut = await runCli(["raci", "export", "--format", "xlsx"], { env });
        assert.equal(noOut.code, 2);
        const badFormat = await runCli(["raci", "export", "--format", "pdf"], { env });
        assert.equal(badFormat.code, 2);
      } finally {
        await dir.remove();
      }
    });

    async function buildLead(orgId: string) {
      return buildMember(t.server, orgId, { role: "governance_lead" });
    }
  });
}
