import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer, runCliJson, memberEnv } from "../../testing/cli-harness";

const NOW = new Date("2026-04-20T09:00:00Z");

for (const backend of testBackends()) {
  describe(`aims tasks on ${backend}`, () => {
    const t = useCliTestServer(backend);
    before(() => {
      t.server.ctx.now = () => NOW;
    });

    it("creates tasks, lists mine and overdue ones, and marks one done", async () => {
      const { env } = await orgWithToken(t);
      const late = await runCliJson(
        [
          "tasks",
          "create",
          "--title",
          "Collect evidence for A.6.2.4",
          "--assignee",
          "me",
          "--due",
          "2026-04-01",
          "--priority",
          "high",
          "--subject",
          "framework_node:A.6.2.4",
          "--json",
        ],
        { env },
      );
      assert.equal(late.overdue, true);
      assert.equal(late.subject.id, "iso-iec-42001-2023:A.6.2.4");

      const human = await runCli(
        ["tasks", "create", "--title", "Plan the internal audit", "--due", "2026-05-30"],
        {
          env,
        },
      );
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stdout, /^Created task [0-9a-f-]{36}\.$/m);
      assert.match(human.stdout, /^Status: +Open$/m);
      assert.match(human.stdout, /^Due: +2026-05-30$/m);

      const list = await runCli(["tasks", "list"], { env });
      assert.equal(list.code, 0, list.stderr);
      const lines = list.stdout.trimEnd().split("\n");
      assert.match(lines[0]!, /^ID +TITLE +STATUS +DUE +ASSIGNEE +ABOUT$/);
      assert.match(lines[1]!, /Collect evidence for A\.6\.2\.4 +open +2026-04-01 \(overdue\)/);
      assert.match(lines[2]!, /Plan the internal audit/);
      assert.match(list.stderr, /2 of 2 tasks/);

      const mine = JSON.parse((await runCli(["tasks", "list", "--mine", "--json"], { env })).stdout);
      assert.deepEqual(
        mine.items.map((x: { id: string }) => x.id),
        [late.id],
      );
      const overdue = JSON.parse((await runCli(["tasks", "list", "--overdue", "--json"], { env })).stdout);
      assert.equal(overdue.total, 1);

      const done = await runCli(["tasks", "done", late.id], { env });
      assert.equal(done.code, 0, done.stderr);
      assert.match(done.stdout, /^Done: task .* \(Collect evidence for A\.6\.2\.4\); now version 2\.$/m);
      const none = await runCli(["tasks", "list", "--overdue"], { env });
      assert.equal(none.stdout, "No tasks match.\n");
      const again = await runCli(["tasks", "done", late.id, "--version", "1"], { env });
      assert.equal(again.code, 5, "a stale version is a conflict");
    });

    it("generates tasks, idempotently", async () => {
      const { env } = await orgWithToken(t);
      const first = await runCli(["tasks", "generate"], { env });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Opened [1-9]\d* task\(s\), closed 0\.$/m);
      assert.match(first.stdout, /Gap in the Statement of Applicability: opened [1-9]/);
      const second = JSON.parse((await runCli(["tasks", "generate", "--json"], { env })).stdout);
      assert.equal(second.created, 0);
      assert.equal(second.closed, 0);
    });

    it("names the flag of a bad value, and maps refusals to exit codes", async () => {
      const { org, env } = await orgWithToken(t);
      const bad = await runCli(["tasks", "create", "--title", "x", "--due", "2026-13-01"], { env });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--due:/);
      const badSubject = await runCli(["tasks", "create", "--title", "x", "--subject", "A.2.2"], { env });
      assert.equal(badSubject.code, 2);
      assert.match(badSubject.stderr, /--subject must be TYPE:ID/);
      const badStatus = await runCli(["tasks", "list", "--status", "finished"], { env });
      assert.equal(badStatus.code, 2);
      assert.match(badStatus.stderr, /--status:/);
      assert.equal((await runCli(["tasks", "done", "not-a-uuid"], { env })).code, 2);
      assert.equal(
        (await runCli(["tasks", "done", "00000000-0000-4000-8000-000000000000"], { env })).code,
        4,
      );

      const viewerEnv = await memberEnv(t, org.orgId, env, "viewer");
      assert.equal((await runCli(["tasks", "create", "--title", "No"], { env: viewerEnv })).code, 3);
      assert.equal((await runCli(["tasks", "generate"], { env: viewerEnv })).code, 3);
      assert.equal((await runCli(["tasks", "list"], { env: viewerEnv })).code, 0);
    });
  });
}
