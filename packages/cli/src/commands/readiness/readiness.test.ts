import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer, runCliJson } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims readiness on ${backend}`, () => {
    const t = useCliTestServer(backend);

    /** An org whose AI policy is published (written directly; the documents CLI is tested in its folder). */
    async function orgWithPolicy(role?: "viewer" | "auditor") {
      const ctx = await orgWithToken(t, role);
      const [doc] = await t.server.database.db
        .insert(tables.documents)
        .values({
          orgId: ctx.org.orgId,
          title: "Our AI policy",
          kind: "policy",
          templateKey: "ai_policy",
          status: "published",
          publishedVersion: 1,
          publishedAt: new Date(),
          nextReviewAt: "2999-01-01",
        })
        .returning();
      return { ...ctx, docId: doc!.id };
    }

    it("prints the headline, a table per clause and Annex A group, and one line per node", async () => {
      const { env } = await orgWithPolicy("viewer");
      const res = await runCli(["readiness"], { env });
      assert.equal(res.code, 0, res.stderr);
      assert.match(
        res.stdout,
        /^ISO\/IEC 42001 readiness on \d{4}-\d{2}-\d{2}: \d+% \(clauses \d+%, Annex A \d+%\)/,
      );
      assert.match(res.stdout, /^GROUP +TITLE +READY +OK +PARTIAL +MISSING +N\/A$/m);
      assert.match(res.stdout, /^5 +Leadership +\d+% +1 +\d+ +\d+ +0$/m);
      assert.match(res.stdout, /^A\.10 +Third-party and customer relationships +0% +0 +0 +3 +0$/m);
      assert.match(res.stdout, /^ID +STATUS +TITLE +FIRST GAP$/m);
      assert.match(res.stdout, /^5\.2 +ready +AI policy$/m);
      assert.match(
        res.stdout,
        /^A\.6\.2\.4 +missing +AI system verification and validation +no applicability decision in the SoA/m,
      );
    });

    it("narrows to one clause with --clause and lists only gaps with --missing", async () => {
      const { env } = await orgWithPolicy();
      const six = await runCli(["readiness", "--clause", "6"], { env });
      assert.equal(six.code, 0, six.stderr);
      assert.match(six.stdout, /^6\.1\.3 +missing/m);
      assert.doesNotMatch(six.stdout, /^5\.2 /m);
      assert.doesNotMatch(six.stdout, /^A\.2 /m);

      const gaps = await runCli(["readiness", "--clause", "5", "--missing"], { env });
      assert.equal(gaps.code, 0, gaps.stderr);
      assert.doesNotMatch(gaps.stdout, /^5\.2 /m, "5.2 is ready");
      assert.match(gaps.stdout, /^5\.3 +missing +no activities in the RACI matrix recorded$/m);
      assert.match(gaps.stdout, /^5\.1 +partial +no current evidence for 5\.1$/m);
    });

    it("prints JSON narrowed the same way", async () => {
      const { env } = await orgWithPolicy("auditor");
      const view = await runCliJson(["readiness", "--clause", "a.2", "--json"], { env });
      assert.deepEqual(
        view.nodes.map((n: { nodeId: string }) => n.nodeId),
        ["A.2.2", "A.2.3", "A.2.4"],
      );
      assert.equal(view.clauses.length, 7);
      const missingOnly = JSON.parse((await runCli(["readiness", "--missing", "--json"], { env })).stdout);
      assert.ok(
        missingOnly.nodes.every((n: { status: string }) => n.status === "partial" || n.status === "missing"),
      );
      assert.ok(!missingOnly.nodes.some((n: { nodeId: string }) => n.nodeId === "5.2"));
    });

    it("exits 4 for an unknown clause and 3 without credentials", async () => {
      const { env } = await orgWithToken(t);
      const res = await runCli(["readiness", "--clause", "11"], { env });
      assert.equal(res.code, 4);
      assert.match(res.stderr, /No clause or Annex A group 11/);
      const anon = await runCli(["readiness"], { env: { ...env, OPENAIMS_TOKEN: "oa_wrong" } });
      assert.equal(anon.code, 3);
    });
  });
}
