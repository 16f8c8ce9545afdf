import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { auditEventsOf, buildAiSystem } from "@openaims/server/testing";
import {
  memberEnv,
  orgWithToken,
  runCli,
  runCliJson,
  useCliTestServer,
  useTempDir,
} from "../../testing/cli-harness";

const yaml = `
system:
  description: Scores loan applications.
  intendedUse: Support credit officers; never decides alone.
affected:
  individuals: Loan applicants
benefits:
  description: Faster, more consistent decisions.
harms:
  - dimension: fairness
    description: Some postcodes score lower.
    severity: 3
    likelihood: 2
    mitigations: Quarterly disparity tests.
    residualLikelihood: 1
residual:
  summary: Low after testing.
consultation:
  summary: Applicant panel consulted.
decision:
  outcome: proceed
  rationale: Benefits outweigh the low residual impact.
`;

for (const backend of testBackends()) {
  describe(`aims impact-assessments on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("ia");

    it("creates from a YAML file, submits, refuses self-approval and approves as someone else", async () => {
      const { env, org } = await orgWithToken(t, "contributor");
      const system = await buildAiSystem(t.server, org.orgId, { name: "Loan scorer" });
      const file = join(dir.path, "ia.yaml");
      await writeFile(file, yaml);
      const created = await runCliJson<{
        id: string;
        variant: string;
        gaps: unknown[];
        summary: { overallResidual: { level: string } };
      }>(
        [
          "impact-assessments",
          "create",
          "--system",
          system.id,
          "--variant",
          "standard",
          "--file",
          file,
          "--json",
        ],
        { env },
      );
      assert.equal(created.variant, "standard");
      assert.deepEqual(created.gaps, []);
      assert.equal(created.summary.overallResidual.level, "low");

      const submitted = await runCli(["impact-assessments", "submit", created.id], { env });
      assert.equal(submitted.code, 0, submitted.stderr);
      assert.match(submitted.stdout, /in_review/);

      const lead = await memberEnv(t, org.orgId, env, "governance_lead");
      const selfApproval = await runCli(["ia", "approve", created.id], { env });
      assert.notEqual(selfApproval.code, 0);
      const approved = await runCliJson<{ status: string; approvedVersion: number }>(
        ["ia", "approve", created.id, "--json"],
        { env: lead },
      );
      assert.equal(approved.status, "approved");
      assert.equal(approved.approvedVersion, 2);

      const listed = await runCli(["impact-assessments", "list", "--system", system.id], { env });
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stdout, /Loan scorer/);
      const shown = await runCli(["impact-assessments", "show", created.id], { env });
      assert.match(shown.stdout, /Fairness and non-discrimination/);
      assert.match(shown.stdout, /v2 approved/);

      const types = (await auditEventsOf(t.server, org.orgId)).map((e) => e.type);
      assert.ok(types.includes("impact_assessment.approved"));
    });

    it("reports a bad content file by field and sends nothing", async () => {
      const { env, org } = await orgWithToken(t, "contributor");
      const system = await buildAiSystem(t.server, org.orgId, { name: "Chatbot" });
      const file = join(dir.path, "bad.json");
      await writeFile(
        file,
        JSON.stringify({ harms: [{ dimension: "luck", description: "x", severity: 1, likelihood: 1 }] }),
      );
      const res = await runCli(["impact-assessments", "create", "--system", system.id, "--file", file], {
        env,
      });
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /content\.harms\.0\.dimension/);
      const list = await runCliJson<{ items: unknown[] }>(["impact-assessments", "list", "--json"], { env });
      assert.equal(list.items.length, 0);
    });
  });
}
