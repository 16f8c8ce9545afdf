import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { addCalendarDays } from "@openaims/core";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const today = () => new Date().toISOString().slice(0, 10);

for (const backend of testBackends()) {
  describe(`incident routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const built = await buildOrgWithClients(server);
      return { ...built, base: `${built.base}/incidents` };
    }

    it("reports a serious incident, computes its clocks and logs communications, with audit events", async () => {
      const { org, owner, base, member } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Triage assistant" });
      const contributor = await member("contributor");
      const aware = addCalendarDays(today(), -1);
      const res = await contributor.client.post(base, {
        title: "Triage assistant under-prioritised a stroke patient",
        becameAwareOn: aware,
        occurredOn: addCalendarDays(today(), -3),
        severity: "critical",
        harmTypes: ["death", "health"],
        seriousIncident: { death: true, seriousHealthHarm: true },
        aiSystemIds: [system.id],
      });
      assert.equal(res.statusCode, 201, res.body);
      const inc = res.json();
      assert.equal(inc.status, "reported");
      assert.equal(inc.assessment.outcome, "serious");
      assert.deepEqual(inc.aiSystems, [{ id: system.id, name: "Triage assistant" }]);
      assert.deepEqual(
        inc.deadlines.map(
          (d: { kind: string; dueAt: string; basis: string; daysLeft: number; met: boolean }) => [
            d.kind,
            d.dueAt,
            d.basis,
            d.daysLeft,
            d.met,
          ],
        ),
        [["report_death", addCalendarDays(aware, 10), "Art. 73(4), Regulation (EU) 2024/1689", 9, false]],
      );

      const logged = await contributor.client.post(`${base}/${inc.id}/communications`, {
        recipient: "authority",
        recipientDetail: "National market-surveillance authority",
        summary: "Initial, incomplete report sent.",
      });
      assert.equal(logged.statusCode, 201, logged.body);
      assert.equal(logged.json().communications.length, 1);
      assert.equal(logged.json().communications[0].loggedBy, contributor.userId);

      const got = (await owner.get(`${base}/${inc.id}`)).json();
      assert.equal(got.deadlines[0].met, true);
      assert.equal(got.communications[0].recipient, "authority");

      const moved = await contributor.client.patch(`${base}/${inc.id}`, {
        version: 1,
        status: "investigating",
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const edited = await contributor.client.patch(`${base}/${inc.id}`, { version: 2, severity: "high" });
      assert.equal(edited.json().version, 3);

      const list = (await owner.get(`${base}?open=true`)).json();
      assert.deepEqual(
        list.items.map((x: { id: string }) => x.id),
        [inc.id],
      );
      assert.equal(list.items[0].deadlines[0].kind, "report_death");

      const types = await assertChainIntact(server, org.orgId);
      for (const t of [
        "incident.reported",
        "incident.communication_logged",
        "incident.status_changed",
        "incident.updated",
      ])
        assert.ok(types.includes(t), t);
      const events = await auditEventsOf(server, org.orgId);
      const statusEvent = events.find((e) => e.type === "incident.status_changed");
      assert.deepEqual(statusEvent?.payload, { status: ["reported", "investigating"] });
      const logEvent = events.find((e) => e.type === "incident.communication_logged");
      assert.equal(JSON.stringify(logEvent?.payload).includes("incomplete report"), false);
    });

    it("a deployer's clock is the immediate notice to the provider; a not-serious incident has none", async () => {
      const { owner, base } = await setup();
      const dep = (
        await owner.post(base, {
          title: "Hiring screen rejected applicants by postcode",
          becameAwareOn: today(),
          role: "deployer",
          seriousIncident: { fundamentalRightsInfringement: true },
        })
      ).json();
      assert.deepEqual(
        dep.deadlines.map((d: { kind: string; daysLeft: number }) => [d.kind, d.daysLeft]),
        [["deployer_inform_provider", 0]],
      );
      const minor = (
        await owner.post(base, {
          title: "Typo in generated summary",
          becameAwareOn: today(),
          seriousIncident: {
            death: false,
            seriousHealthHarm: false,
            criticalInfrastructureDisruption: false,
            fundamentalRightsInfringement: false,
            seriousPropertyOrEnvironmentHarm: false,
            widespreadInfringement: false,
          },
        })
      ).json();
      assert.equal(minor.assessment.outcome, "not_serious");
      assert.deepEqual(minor.deadlines, []);
    });

    it("enforces the workflow, the resolution and the version", async () => {
      const { owner, base } = await setup();
      const inc = (await owner.post(base, { title: "Drift alarm", becameAwareOn: today() })).json();
      const stale = await owner.patch(`${base}/${inc.id}`, { version: 7, title: "x" });
      assert.equal(stale.statusCode, 409);
      const noResolution = await owner.patch(`${base}/${inc.id}`, { version: 1, status: "resolved" });
      assert.equal(noResolution.statusCode, 400);
      assert.match(noResolution.body, /resolution/);
      const skip = await owner.patch(`${base}/${inc.id}`, { version: 1, status: "closed", resolution: "ok" });
      assert.equal(skip.json().error.code, "invalid_state");
      const resolved = await owner.patch(`${base}/${inc.id}`, {
        version: 1,
        status: "resolved",
        resolution: "Retrained on recent data; monitoring threshold lowered.",
      });
      assert.equal(resolved.statusCode, 200, resolved.body);
      assert.equal(resolved.json().status, "resolved");
    });

    it("bad input is 400 naming the field", async () => {
      const { org, owner, base } = await setup();
      const cases: [Record<string, unknown>, string][] = [
        [{ title: "x", becameAwareOn: "2027-02-29" }, "becameAwareOn"],
        [{ title: "x", becameAwareOn: today(), severity: "catastrophic" }, "severity"],
        [{ title: "x", becameAwareOn: today(), seriousIncident: { death: "yes" } }, "seriousIncident"],
        [{ title: "x", becameAwareOn: today(), occurredOn: addCalendarDays(today(), 1) }, "occurredOn"],
        [{ title: "x", becameAwareOn: addCalendarDays(today(), 2) }, "becameAwareOn"],
        [
          { title: "x", becameAwareOn: today(), aiSystemIds: ["00000000-0000-4000-8000-000000000000"] },
          "aiSystemIds",
        ],
      ];
      for (const [body, field] of cases) {
        const res = await owner.post(base, body);
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        assert.match(res.body, new RegExp(field), res.body);
      }
      const inc = (await owner.post(base, { title: "ok", becameAwareOn: today() })).json();
      const bad = await owner.post(`${base}/${inc.id}/communications`, { recipient: "press", summary: "x" });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /recipient/);
      await assertChainIntact(server, org.orgId);
    });

    it("documents every incident route and the deadlines in OpenAPI", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const paths = Object.keys(doc.paths).filter((p) => p.includes("/incidents"));
      assert.deepEqual(paths.sort(), [
        "/api/v1/orgs/{orgId}/incidents",
        "/api/v1/orgs/{orgId}/incidents/{id}",
        "/api/v1/orgs/{orgId}/incidents/{id}/communications",
      ]);
      const text = JSON.stringify(doc.paths["/api/v1/orgs/{orgId}/incidents/{id}"].get);
      for (const word of ["deadlines", "daysLeft", "dueAt", "basis", "communications"])
        assert.ok(text.includes(word), word);
    });

    it("viewers and auditors read but cannot write; another org's incident is 404", async () => {
      const { owner, base, member } = await setup();
      const inc = (await owner.post(base, { title: "Leak of prompts", becameAwareOn: today() })).json();
      for (const role of ["viewer", "auditor"] as const) {
        const m = await member(role);
        assert.equal((await m.client.get(`${base}/${inc.id}`)).statusCode, 200, role);
        assert.equal(
          (await m.client.post(base, { title: "x", becameAwareOn: today() })).statusCode,
          403,
          role,
        );
        assert.equal(
          (await m.client.patch(`${base}/${inc.id}`, { version: 1, title: "y" })).statusCode,
          403,
          role,
        );
        const c = await m.client.post(`${base}/${inc.id}/communications`, {
          recipient: "customers",
          summary: "x",
        });
        assert.equal(c.statusCode, 403, role);
      }
      const other = await setup();
      const foreignSystem = await buildAiSystem(server, other.org.orgId, { name: "Elsewhere" });
      assert.equal((await other.owner.get(`${other.base}/${inc.id}`)).statusCode, 404);
      assert.equal(
        (await other.owner.patch(`${other.base}/${inc.id}`, { version: 1, title: "z" })).statusCode,
        404,
      );
      const c = await other.owner.post(`${other.base}/${inc.id}/communications`, {
        recipient: "customers",
        summary: "x",
      });
      assert.equal(c.statusCode, 404);
      assert.deepEqual((await other.owner.get(other.base)).json().items, []);
      const linkForeign = await owner.patch(`${base}/${inc.id}`, {
        version: 1,
        aiSystemIds: [foreignSystem.id],
      });
      assert.equal(linkForeign.statusCode, 400);
      assert.match(linkForeign.body, /aiSystemIds/);
    });
  });
}
