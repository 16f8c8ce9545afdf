import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { auditEventsOf, clientFor } from "@openaims/server/testing";
import { orgWithToken, runCli, useCliTestServer, runCliJson } from "../../testing/cli-harness";

const NOW = new Date("2026-07-02T12:00:00.000Z");

for (const backend of testBackends()) {
  describe(`aims objectives on ${backend}`, () => {
    const t = useCliTestServer(backend);
    before(() => {
      t.server.ctx.now = () => NOW;
    });

    async function withObjective(role?: "viewer" | "contributor") {
      const setup = await orgWithToken(t, role);
      const owner = await clientFor(t.server, setup.org.owner, setup.org.orgId);
      const res = await owner.post(`/api/v1/orgs/${setup.org.orgId}/objectives`, {
        title: "Eval accuracy",
        measure: "Accuracy on the held-out evaluation set",
        target: 0.95,
        baseline: 0.8,
        startDate: "2026-01-01",
        dueDate: "2026-12-31",
        ownerId: setup.org.owner.userId,
        links: [{ type: "framework_node", id: "6.2" }],
      });
      assert.equal(res.statusCode, 201, res.body);
      return { ...setup, objective: res.json() as { id: string } };
    }

    it("records a pipeline's value with source cli and prints the new status", async () => {
      const { env, org, objective } = await withObjective("contributor");
      const res = await runCli(
        [
          "objectives",
          "progress",
          "add",
          objective.id,
          "--value",
          "0.88",
          "--date",
          "2026-07-01",
          "--note",
          "run 812",
        ],
        { env },
      );
      assert.equal(res.code, 0, res.stderr);
      assert.match(
        res.stdout,
        /^Recorded 0\.88 for "Eval accuracy" at 2026-07-01T00:00:00\.000Z; status: On track \(on_track\)\.$/m,
      );
      const events = await auditEventsOf(t.server, org.orgId);
      const recorded = events.find((e) => e.type === "objective.progress_recorded")!;
      assert.equal((recorded.payload as { source: string }).source, "cli");

      const out = await runCliJson(
        ["objectives", "progress", "add", objective.id, "--value", "0.96", "--json"],
        { env },
      );
      assert.equal(out.objective.status, "achieved");
      assert.equal(out.progress.observedAt, NOW.toISOString());
    });

    it("lists objectives as a table and as JSON, filtered by status", async () => {
      const { env, objective } = await withObjective();
      const human = await runCli(["objectives", "list"], { env });
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stdout, /^ID +TITLE +STATUS +LATEST +TARGET +DUE +OWNER$/m);
      assert.match(
        human.stdout,
        new RegExp(`^${objective.id} +Eval accuracy +not_started +≥ 0\\.95 +2026-12-31 +user-`, "m"),
      );
      const none = await runCli(["objectives", "ls", "--status", "achieved"], { env });
      assert.equal(none.code, 0);
      assert.match(none.stdout, /No objectives match/);
      const json = await runCli(["objectives", "ls", "--json", "--status", "not_started"], { env });
      assert.deepEqual(
        JSON.parse(json.stdout).items.map((o: { id: string }) => o.id),
        [objective.id],
      );
      const bad = await runCli(["objectives", "ls", "--status", "great"], { env });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--status/);
    });

    it("shows one objective with its links and latest progress, and lists its entries", async () => {
      const { env, objective } = await withObjective("contributor");
      await runCli(
        ["objectives", "progress", "add", objective.id, "--value", "0.85", "--date", "2026-04-01"],
        { env },
      );
      const res = await runCli(["objectives", "show", objective.id], { env });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^Target: +≥ 0\.95$/m);
      assert.match(res.stdout, /^Links: +6\.2 AI objectives and planning to achieve them$/m);
      assert.match(res.stdout, /^Latest progress \(1 of 1\):$/m);
      assert.match(res.stdout, /0\.85 +cli/);
      const list = await runCli(["objectives", "progress", "list", objective.id, "--json"], { env });
      assert.equal(JSON.parse(list.stdout).items[0].value, 0.85);
    });

    it("exits 2 on a bad value or date, 3 for a viewer, 4 for an unknown objective", async () => {
      const { env, objective } = await withObjective("viewer");
      const notNumber = await runCli(["objectives", "progress", "add", objective.id, "--value", "high"], {
        env,
      });
      assert.equal(notNumber.code, 2);
      assert.match(notNumber.stderr, /--value/);
      const badDate = await runCli(
        ["objectives", "progress", "add", objective.id, "--value", "1", "--date", "31/03/2026"],
        { env },
      );
      assert.equal(badDate.code, 2);
      assert.match(badDate.stderr, /--date/);
      const forbidden = await runCli(["objectives", "progress", "add", objective.id, "--value", "1"], {
        env,
      });
      assert.equal(forbidden.code, 3, forbidden.stderr);
      const unknown = await runCli(["objectives", "show", "00000000-0000-4000-8000-000000000000"], { env });
      assert.equal(unknown.code, 4);
      const notId = await runCli(["objectives", "show", "abc"], { env });
      assert.equal(notId.code, 2);
    });
  });
}
