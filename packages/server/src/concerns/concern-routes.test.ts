import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildMember,
  clientFor,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const SUBJECT = "Chatbot gives medical advice";
const TEXT = "The support assistant told a customer to stop taking a prescribed drug.";

for (const backend of testBackends()) {
  describe(`concern routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      return { org, owner, base: `${base}/concerns`, member };
    }
    const report = async (c: TestClient, base: string, extra: Record<string, unknown> = {}) => {
      const res = await c.post(base, { subject: SUBJECT, description: TEXT, category: "safety", ...extra });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    it("lets a viewer report a concern and follow it; only managers and the reporter can read it (others 404)", async () => {
      const { org, owner, base, member } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Support bot" });
      const viewer = await member("viewer");
      const c = await report(viewer.client, base, { aiSystemId: system.id });
      assert.equal(c.status, "received");
      assert.equal(c.reporterId, viewer.userId);
      assert.equal(c.aiSystemName, "Support bot");
      assert.equal(c.anonymous, false);
      assert.deepEqual(c.abilities, { report: true, read: true, respond: false });

      const mine = (await viewer.client.get(base)).json();
      assert.deepEqual(
        mine.items.map((x: { id: string }) => x.id),
        [c.id],
      );
      assert.deepEqual(mine.abilities, { report: true, manage: false });
      assert.equal((await viewer.client.get(`${base}/${c.id}`)).statusCode, 200);

      for (const role of ["viewer", "contributor", "auditor", "admin"] as const) {
        const other = await member(role);
        const got = await other.client.get(`${base}/${c.id}`);
        assert.equal(got.statusCode, 404, `${role}: ${got.body}`);
        assert.equal(got.json().error.code, "not_found");
        assert.deepEqual((await other.client.get(base)).json().items, [], role);
        const patched = await other.client.patch(`${base}/${c.id}`, { version: 1, status: "investigating" });
        assert.equal(patched.statusCode, 404, role);
      }
      const lead = await member("governance_lead");
      const seen = await lead.client.get(`${base}/${c.id}`);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().description, TEXT);
      assert.deepEqual(seen.json().abilities, { report: true, read: true, respond: true });
      assert.equal((await lead.client.get(base)).json().items.length, 1);
      assert.equal((await lead.client.get(`${base}?mine=true`)).json().items.length, 0);
      assert.equal((await owner.get(`${base}/${c.id}`)).statusCode, 200);
    });

    it("keeps an anonymous reporter out of the concern, the API and the audit event — and the chain complete", async () => {
      const { org, base, member } = await setup();
      const reporter = await member("contributor");
      const lead = await member("governance_lead");
      const c = await report(reporter.client, base, { anonymous: true });
      assert.equal(c.anonymous, true);
      assert.equal(c.reporterId, null);
      assert.equal(c.reporterName, null);
      assert.equal(c.abilities.read, false);

      // the reporter cannot find it again (nothing links it to them) …
      assert.equal((await reporter.client.get(`${base}/${c.id}`)).statusCode, 404);
      assert.deepEqual((await reporter.client.get(base)).json().items, []);
      // … and the manager reads it without a name
      const seen = (await lead.client.get(`${base}/${c.id}`)).json();
      assert.equal(seen.subject, SUBJECT);
      assert.equal(seen.reporterId, null);
      assert.equal(seen.reporterName, null);
      assert.ok(!JSON.stringify(seen).includes(reporter.userId));

      const events = await auditEventsOf(server, org.orgId);
      const e = events.find((x) => x.type === "concern.reported")!;
      assert.equal(e.entityId, c.id);
      assert.equal(e.actorType, "system");
      assert.equal(e.actorId, null);
      assert.equal(e.actorTokenId, null);
      assert.equal(e.requestId, null);
      assert.deepEqual(e.payload, { anonymous: true, status: "received", aiSystemId: null });
      assert.ok(!JSON.stringify(events).includes(reporter.userId), "no audit event names the reporter");
      await assertChainIntact(server, org.orgId);
    });

    it("stores no trace of an anonymous reporter in the concerns table", async () => {
      const { base, member } = await setup();
      const reporter = await member("viewer");
      const c = await report(reporter.client, base, { anonymous: true });
      const { tables } = await import("@openaims/db");
      const { eq } = await import("drizzle-orm");
      const [row] = await server.database.db
        .select()
        .from(tables.concerns)
        .where(eq(tables.concerns.id, c.id));
      assert.ok(row);
      assert.ok(!JSON.stringify(row).includes(reporter.userId));
    });

    it("moves a concern through its workflow; the reporter sees the response; stale versions are 409", async () => {
      const { org, base, member } = await setup();
      const reporter = await member("viewer");
      const lead = await member("governance_lead");
      const c = await report(reporter.client, base);

      const byReporter = await reporter.client.patch(`${base}/${c.id}`, {
        version: 1,
        status: "resolved",
        response: "done",
      });
      assert.equal(byReporter.statusCode, 403);

      const inv = await lead.client.patch(`${base}/${c.id}`, { version: 1, status: "investigating" });
      assert.equal(inv.statusCode, 200, inv.body);
      assert.equal(inv.json().version, 2);
      const noResponse = await lead.client.patch(`${base}/${c.id}`, { version: 2, status: "resolved" });
      assert.equal(noResponse.statusCode, 400);
      assert.equal(noResponse.json().error.details.issues[0].path, "response");
      const backwards = await lead.client.patch(`${base}/${c.id}`, { version: 2, status: "received" });
      assert.equal(backwards.statusCode, 409);
      assert.equal(backwards.json().error.code, "invalid_state");
      const stale = await lead.client.patch(`${base}/${c.id}`, {
        version: 1,
        status: "dismissed",
        response: "x",
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const resolved = await lead.client.patch(`${base}/${c.id}`, {
        version: 2,
        status: "resolved",
        response: "We restricted the assistant to account questions.",
      });
      assert.equal(resolved.statusCode, 200);
      assert.ok(resolved.json().respondedAt);

      const seen = (await reporter.client.get(`${base}/${c.id}`)).json();
      assert.equal(seen.status, "resolved");
      assert.equal(seen.response, "We restricted the assistant to account questions.");
      assert.equal((await reporter.client.get(`${base}?status=resolved`)).json().items.length, 1);
      assert.equal((await reporter.client.get(`${base}?status=received`)).json().items.length, 0);

      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(types, ["concern.reported", "concern.updated", "concern.updated"]);
    });

    it("keeps the concern's text out of the audit trail an auditor reads", async () => {
      const { org, base, member } = await setup();
      const reporter = await member("viewer");
      const lead = await member("governance_lead");
      const auditor = await member("auditor");
      const c = await report(reporter.client, base);
      await lead.client.patch(`${base}/${c.id}`, {
        version: 1,
        status: "dismissed",
        response: "Not an AI system issue: a typo in the FAQ.",
      });
      const trail = await auditor.client.get(`/api/v1/orgs/${org.orgId}/audit-events?entityType=concern`);
      assert.equal(trail.statusCode, 200);
      const items = trail.json().items as { type: string; payload: unknown }[];
      assert.deepEqual(
        items.map((e) => e.type),
        ["concern.updated", "concern.reported"],
      );
      for (const secret of [SUBJECT, TEXT, "typo in the FAQ", "safety"])
        assert.ok(!trail.body.includes(secret), `the audit trail leaks "${secret}"`);
      assert.deepEqual(items[0]!.payload, { status: ["received", "dismissed"], responseChanged: true });
      // an auditor holds concern.report but not concern.manage: the concern itself stays hidden
      assert.equal((await auditor.client.get(`${base}/${c.id}`)).statusCode, 404);
    });

    it("answers 404 to another organization, refuses another org's AI system, and pages newest first", async () => {
      const a = await setup();
      const b = await setup();
      const c = await report(a.owner, a.base);
      assert.equal((await b.owner.get(`${a.base}/${c.id}`)).statusCode, 404);
      assert.equal((await b.owner.get(a.base)).statusCode, 404);
      assert.equal((await b.owner.post(a.base, { subject: "x", description: "y" })).statusCode, 404);
      assert.equal((await b.owner.get(`${b.base}/${c.id}`)).statusCode, 404);
      assert.equal(
        (await b.owner.patch(`${b.base}/${c.id}`, { version: 1, status: "investigating" })).statusCode,
        404,
      );
      assert.deepEqual((await b.owner.get(b.base)).json().items, []);
      const foreign = await buildAiSystem(server, b.org.orgId);
      const bad = await a.owner.post(a.base, { subject: "x", description: "y", aiSystemId: foreign.id });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, "aiSystemId");

      const second = await report(a.owner, a.base, { subject: "Second" });
      const third = await report(a.owner, a.base, { subject: "Third" });
      const p1 = (await a.owner.get(`${a.base}?limit=2`)).json();
      assert.deepEqual(
        p1.items.map((x: { id: string }) => x.id),
        [third.id, second.id],
      );
      const p2 = (await a.owner.get(`${a.base}?limit=2&cursor=${p1.nextCursor}`)).json();
      assert.deepEqual(
        p2.items.map((x: { id: string }) => x.id),
        [c.id],
      );
      assert.equal(p2.nextCursor, null);
      assert.equal((await a.owner.get(`${a.base}?cursor=abc`)).statusCode, 400);
    });

    it("refuses a custom role without concern.report", async () => {
      const { org, base } = await setup();
      const { tables } = await import("@openaims/db");
      const [role] = await server.database.db
        .insert(tables.customRoles)
        .values({ orgId: org.orgId, name: "Reader", permissions: ["aims.read"] })
        .returning();
      const m = await buildMember(server, org.orgId, { customRoleId: role!.id });
      const c = await clientFor(server, m, org.orgId);
      const res = await c.post(base, { subject: "x", description: "y" });
      assert.equal(res.statusCode, 403);
      assert.equal((await c.get(base)).json().abilities.report, false);
    });
  });
}
