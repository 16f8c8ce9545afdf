import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import {
  orgWithToken,
  runCli,
  useCliTestServer,
  useTempDir,
  runCliJson,
  memberEnv,
} from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims documents on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("documents");

    it("creates from a file and a template, lists, shows, and runs the approval in a pipeline", async () => {
      const { org, env } = await orgWithToken(t);
      const leadEnv = await memberEnv(t, org.orgId, env, "governance_lead");

      const templates = await runCli(["documents", "templates"], { env });
      assert.equal(templates.code, 0, templates.stderr);
      assert.match(templates.stdout, /^KEY +TITLE +KIND +LINKS$/m);
      assert.match(templates.stdout, /^ai_policy +AI policy +policy +5\.2, A\.2\.2/m);

      const policy = await runCliJson(["documents", "from-template", "ai_policy", "--json"], { env });
      assert.equal(policy.templateKey, "ai_policy");
      assert.equal(policy.status, "draft");

      await writeFile(join(dir.path, "retention.md"), "# Retention\n\nKeep records 5 years.\n");
      const created = await runCli(
        [
          "documents",
          "create",
          "--title",
          "Retention",
          "--kind",
          "procedure",
          "--body-file",
          "retention.md",
          "--link",
          "7.5.3",
        ],
        { env, cwd: dir.path },
      );
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^Created document [0-9a-f-]{36} \(draft, version 1\)\.$/m);
      assert.match(created.stdout, /^Links: +7\.5\.3 Control of documented information$/m);

      const list = await runCli(["documents", "list"], { env });
      assert.equal(list.code, 0, list.stderr);
      const lines = list.stdout.trimEnd().split("\n");
      assert.match(lines[0]!, /^ID +TITLE +KIND +STATUS +IN FORCE +NEXT REVIEW +OWNER$/);
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(/ {2,}/)[1]),
        ["AI policy", "Retention"],
      );

      // the owner drafted and submits; approving their own version is refused (exit 3), the lead approves
      assert.equal((await runCli(["documents", "submit", policy.id], { env })).code, 0);
      const own = await runCli(["documents", "approve", policy.id], { env });
      assert.equal(own.code, 3, own.stdout);
      assert.match(own.stderr, /four-eyes/);
      const approved = await runCli(["documents", "approve", policy.id, "--comment", "Looks right"], {
        env: leadEnv,
      });
      assert.equal(approved.code, 0, approved.stderr);
      assert.match(approved.stdout, /^Approved AI policy \(version 1, approved\)/m);
      const published = await runCli(["documents", "publish", policy.id, "--json"], { env: leadEnv });
      assert.equal(published.code, 0, published.stderr);
      assert.equal(JSON.parse(published.stdout).publishedVersion, 1);

      const stale = await runCli(["documents", "mark-reviewed", policy.id, "--version", "1"], {
        env: leadEnv,
      });
      assert.equal(stale.code, 5, "a stale version is a conflict");

      const shown = await runCli(["documents", "show", policy.id], { env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /^In force: +version 1 since /m);
      assert.match(shown.stdout, /^1 +published +/m);
      const text = await runCli(["documents", "show", policy.id, "--text"], { env });
      assert.match(text.stdout, /^# AI policy/);

      const inForce = await runCli(["documents", "list", "--status", "in_force", "--json"], { env });
      assert.deepEqual(
        JSON.parse(inForce.stdout).items.map((d: { title: string }) => d.title),
        ["AI policy"],
      );
    });

    it("reports bad input with the flag named (exit 2) and unknown documents (exit 4)", async () => {
      const { env } = await orgWithToken(t);
      const noKind = await runCli(["documents", "create", "--title", "X"], { env });
      assert.equal(noKind.code, 2);
      assert.match(noKind.stderr, /--kind/);
      const badReview = await runCli(["documents", "list", "--review", "late"], { env });
      assert.equal(badReview.code, 2);
      const unknownTemplate = await runCli(["documents", "from-template", "nope"], { env });
      assert.equal(unknownTemplate.code, 2, unknownTemplate.stderr);
      const missing = await runCli(["documents", "show", "00000000-0000-4000-8000-000000000000"], { env });
      assert.equal(missing.code, 4);
      const viewer = await orgWithToken(t, "viewer");
      const denied = await runCli(["documents", "from-template", "ai_policy"], { env: viewer.env });
      assert.equal(denied.code, 3);
    });
  });
}
