import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { testBackends } from "@openaims/db/testing";
import {
  orgWithToken,
  runCli,
  tempDir,
  useCliTestServer,
  runCliJson,
  memberEnv,
} from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims soa and aims controls on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("shows, sets, versions, approves with a second person, diffs and exports the SoA", async () => {
      const { org, env } = await orgWithToken(t);
      const shown = await runCli(["soa", "show"], { env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /^CONTROL +TITLE +APPLICABLE +STATUS/);
      assert.match(shown.stdout, /^A\.2\.2 +AI policy +undecided +Not started/m);
      assert.match(shown.stderr, /38 controls: 0 applicable/);

      const noWhy = await runCli(["soa", "set", "A.2.2", "--applicable", "yes"], { env });
      assert.equal(noWhy.code, 2, "the server's 400 is a usage error");
      assert.match(noWhy.stderr, /justification/);
      const set = await runCli(
        [
          "soa",
          "set",
          "A.2.2",
          "--applicable",
          "yes",
          "--justification",
          "We build AI systems",
          "--status",
          "implemented",
          "--owner",
          org.owner.userId,
        ],
        { env },
      );
      assert.equal(set.code, 0, set.stderr);
      assert.match(set.stdout, /^Updated A\.2\.2 AI policy; now version 1\.$/m);
      const stale = await runCli(["soa", "set", "A.2.2", "--notes", "x", "--version", "0"], { env });
      assert.equal(stale.code, 5);
      const no = await runCli(
        ["soa", "set", "A.10.4", "--applicable", "no", "--justification", "No customers"],
        { env },
      );
      assert.equal(no.code, 0, no.stderr);
      const json = JSON.parse((await runCli(["soa", "show", "--json"], { env })).stdout);
      assert.equal(
        json.entries.find((e: { controlId: string }) => e.controlId === "A.10.4").implementationStatus,
        "not_applicable",
      );

      const created = await runCli(["soa", "versions", "create", "--note", "first"], { env });
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^Created SoA version 1 \(in review\)\./);
      const own = await runCli(["soa", "versions", "approve", "1"], { env });
      assert.equal(own.code, 3, "four-eyes: 403");
      assert.match(own.stderr, /four-eyes/);
      const leadEnv = await memberEnv(t, org.orgId, env, "governance_lead");
      const approved = await runCli(["soa", "versions", "approve", "1", "--note", "ok"], { env: leadEnv });
      assert.equal(approved.code, 0, approved.stderr);
      assert.equal(approved.stdout, "SoA version 1 is now approved.\n");

      await runCli(["soa", "set", "A.2.2", "--status", "partially_implemented"], { env });
      await runCli(["soa", "versions", "create"], { env });
      const diff = await runCli(["soa", "versions", "diff", "2"], { env });
      assert.equal(diff.code, 0, diff.stderr);
      assert.match(diff.stdout, /^Changes from version 1 to version 2:$/m);
      assert.match(diff.stdout, /^~ A\.2\.2 AI policy$/m);
      assert.match(diff.stdout, /^ +implementationStatus: implemented → partially_implemented$/m);
      const list = await runCli(["soa", "versions", "list"], { env });
      assert.match(list.stdout, /^2 +in review/m);
      assert.match(list.stdout, /^1 +approved/m);
      const frozen = await runCli(["soa", "show", "--version", "1"], { env });
      assert.match(frozen.stdout, /^A\.2\.2 +AI policy +yes +Implemented/m);

      const csv = await runCli(["soa", "export", "--version", "1"], { env });
      assert.equal(csv.code, 0, csv.stderr);
      assert.match(
        csv.stdout,
        /^\uFEFFcontrol_id,group,title,kind,applicable,justification,implementation_status,owner/,
      );
      assert.match(
        csv.stdout,
        /\r\nA\.2\.2,A\.2 Policies related to AI,AI policy,Annex A,yes,We build AI systems,Implemented,/,
      );
      const dir = await tempDir("soa");
      try {
        const res = await runCli(["soa", "export", "--format", "xlsx", "--out", "soa.xlsx"], {
          env,
          cwd: dir.path,
        });
        assert.equal(res.code, 0, res.stderr);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await readFile(join(dir.path, "soa.xlsx"))) as unknown as ArrayBuffer);
        assert.equal(
          wb.getWorksheet("Statement of Applicability")!.getCell("G2").value,
          "Partially implemented",
        );
        assert.equal((await runCli(["soa", "export", "--format", "xlsx"], { env })).code, 2);
      } finally {
        await dir.remove();
      }
    });

    it("creates and lists applied controls, which then implement SoA controls", async () => {
      const { env } = await orgWithToken(t, "contributor");
      const c = await runCliJson(
        [
          "controls",
          "create",
          "--name",
          "Release checklist",
          "--category",
          "process",
          "--link",
          "A.6.2.4",
          "--link",
          "A.6.2.5",
          "--json",
        ],
        { env },
      );
      assert.equal(c.links.length, 2);
      const bad = await runCli(["controls", "create", "--name", "x", "--link", "A.99"], { env });
      assert.equal(bad.code, 2);
      await runCli(["controls", "create", "--name", "Own red-teaming", "--additional"], { env });
      const list = await runCli(["controls", "list"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /Release checklist +process +not_started +A\.6\.2\.4, A\.6\.2\.5/);
      const onlyNode = await runCli(["controls", "list", "--node", "A.6.2.5", "--json"], { env });
      assert.deepEqual(
        JSON.parse(onlyNode.stdout).map((x: { name: string }) => x.name),
        ["Release checklist"],
      );
      const soa = JSON.parse((await runCli(["soa", "show", "--json"], { env })).stdout);
      assert.equal(soa.entries.length, 39);
      assert.deepEqual(
        soa.entries.find((e: { controlId: string }) => e.controlId === "A.6.2.4").appliedControls,
        [{ id: c.id, label: "Release checklist" }],
      );
      const viewer = await orgWithToken(t, "viewer");
      assert.equal((await runCli(["controls", "create", "--name", "x"], { env: viewer.env })).code, 3);
    });
  });
}
