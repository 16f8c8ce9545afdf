import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { auditEventsOf, buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer } from "../../testing/cli-harness";
import { answersFrom } from "./report";
import { describeDaysLeft } from "./present";

const NOW = new Date("2028-02-28T09:00:00.000Z");

describe("aims incidents helpers", () => {
  it("--yes/--no build explicit answers; 'rest' answers the others no", () => {
    assert.deepEqual(answersFrom("death", "rest"), {
      death: true,
      seriousHealthHarm: false,
      criticalInfrastructureDisruption: false,
      fundamentalRightsInfringement: false,
      seriousPropertyOrEnvironmentHarm: false,
      widespreadInfringement: false,
    });
    assert.equal(answersFrom(undefined, undefined).death, null);
    assert.throws(() => answersFrom("death", "death"), /both answer/);
    assert.throws(() => answersFrom("deaths", undefined), /unknown question/);
  });
  it("describes days left and marks urgent ones", () => {
    assert.equal(describeDaysLeft({ daysLeft: 5, met: false }), "5 days left");
    assert.equal(describeDaysLeft({ daysLeft: 1, met: false }), "! 1 day left");
    assert.equal(describeDaysLeft({ daysLeft: -2, met: false }), "! 2 days overdue");
    assert.equal(describeDaysLeft({ daysLeft: -2, met: true }), "met");
  });
});

for (const backend of testBackends()) {
  describe(`aims incidents on ${backend}`, () => {
    const t = useCliTestServer(backend);
    before(() => {
      t.server.ctx.now = () => NOW;
    });

    it("reports, lists and shows an incident with its 2-day clock across the leap day", async () => {
      const { env, org } = await orgWithToken(t, "contributor");
      const system = await buildAiSystem(t.server, org.orgId, { name: "Grid balancer" });
      const created = await runCliJson<{
        id: string;
        deadlines: { kind: string; dueAt: string; daysLeft: number }[];
      }>(
        [
          "incidents",
          "report",
          "--title",
          "Load forecast outage",
          "--aware",
          "2028-02-27",
          "--severity",
          "critical",
          "--harm",
          "critical_infrastructure",
          "--yes",
          "criticalInfrastructureDisruption",
          "--no",
          "rest",
          "--system",
          system.id,
          "--json",
        ],
        { env },
      );
      assert.deepEqual(
        created.deadlines.map((d) => [d.kind, d.dueAt, d.daysLeft]),
        [["report_widespread_or_critical_infrastructure", "2028-02-29", 1]],
      );

      const listed = await runCli(["incidents", "list", "--open"], { env });
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stdout, /Load forecast outage/);
      assert.match(listed.stdout, /2028-02-29 \(! 1 day left\)/);

      const shown = await runCli(["incidents", "show", created.id], { env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /Art\. 73\(3\), Regulation \(EU\) 2024\/1689/);
      assert.match(shown.stdout, /Grid balancer/);
      assert.match(shown.stdout, /No communications logged/);

      const events = await auditEventsOf(t.server, org.orgId);
      assert.ok(events.some((e) => e.type === "incident.reported"));
    });

    it("bad input fails before sending, naming the flag; a viewer is refused", async () => {
      const { env } = await orgWithToken(t, "contributor");
      const bad = await runCli(["incidents", "report", "--title", "x", "--aware", "2027-02-29"], { env });
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, /--aware/);
      const badSeverity = await runCli(
        ["incidents", "report", "--title", "x", "--aware", "2028-02-01", "--severity", "huge"],
        { env },
      );
      assert.equal(badSeverity.code, 2);
      assert.match(badSeverity.stderr, /--severity/);
      const viewer = await orgWithToken(t, "viewer");
      const refused = await runCli(["incidents", "report", "--title", "x", "--aware", "2028-02-01"], {
        env: viewer.env,
      });
      assert.notEqual(refused.code, 0);
      assert.equal((await runCli(["incidents", "list"], { env: viewer.env })).code, 0);
    });
  });
}
