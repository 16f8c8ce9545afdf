import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ReadinessView } from "@openaims/core";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  TestClient,
  type BuiltOrg,
  type TestServer,
} from "../testing";

const FW = "iso-iec-42001-2023";

for (const backend of testBackends()) {
  describe(`GET /api/v1/orgs/{orgId}/readiness on ${backend}`, () => {
    let server: TestServer;
    let org: BuiltOrg;
    let owner: TestClient;
    let lead: TestClient;
    const url = () => `/api/v1/orgs/${org.orgId}/readiness`;
    const node = (view: ReadinessView, id: string) => view.nodes.find((n) => n.nodeId === id)!;

    before(async () => {
      server = await createTestServer({ backend });
      org = await buildOrg(server);
      owner = await clientFor(server, org.owner, org.orgId);
      lead = await clientFor(
        server,
        await buildMember(server, org.orgId, { role: "governance_lead" }),
        org.orgId,
      );
    });
    after(async () => server?.close());

    it("reports every requirement and control missing for a new organization, in the documented shape", async () => {
      const res = await owner.get(url());
      assert.equal(res.statusCode, 200, res.body);
      const view = ReadinessView.parse(res.json());
      assert.equal(view.frameworkId, FW);
      assert.match(view.asOf, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(view.nodes.length, 70);
      assert.equal(view.percent, 0);
      assert.deepEqual(
        view.clauses.map((c) => c.id),
        ["4", "5", "6", "7", "8", "9", "10"],
      );
      assert.equal(view.annexGroups.length, 9);
      const n52 = node(view, "5.2");
      assert.equal(n52.status, "missing");
      assert.deepEqual(n52.missing, [{ text: "no published AI policy", area: "documents" }]);
      assert.equal(n52.checks[0]!.check, "published_document");
      assert.match(n52.checks[0]!.explanation, /AI policy is approved and published/);
      assert.match(node(view, "6.1.2").later ?? "", /later release/);
    });

    it("shows 5.2 ready once an AI policy is approved by a second person and published", async () => {
      const created = await owner.post(`/api/v1/orgs/${org.orgId}/documents/from-template`, {
        templateKey: "ai_policy",
      });
      assert.equal(created.statusCode, 201, created.body);
      let doc = created.json();
      const act = async (c: TestClient, action: string) => {
        const res = await c.post(`/api/v1/orgs/${org.orgId}/documents/${doc.id}/${action}`, {
          version: doc.version,
        });
        assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
        doc = res.json();
      };
      await act(owner, "submit");
      assert.equal(node((await owner.get(url())).json(), "5.2").status, "partial");
      await act(lead, "approve");
      await act(lead, "publish");
      const view: ReadinessView = (await owner.get(url())).json();
      const n52 = node(view, "5.2");
      assert.equal(n52.status, "ready", JSON.stringify(n52.missing));
      assert.match(n52.satisfied[0]!, /AI policy "AI policy" version 1 is published/);
      assert.equal(node(view, "7.5.2").status, "ready");
      assert.ok(view.percent! > 0);
    });

    it("shows A.2.2 ready once its SoA entry is applicable, implemented, owned, evidenced and approved by a second person", async () => {
      const ev = await owner.post(`/api/v1/orgs/${org.orgId}/evidence`, {
        kind: "link",
        title: "Policy sign-off minutes",
        url: "https://intranet.example/minutes",
        links: [{ type: "framework_node", id: "A.2.2" }],
      });
      assert.equal(ev.statusCode, 201, ev.body);
      let a22 = node((await owner.get(url())).json(), "A.2.2");
      assert.deepEqual(a22.missing, [{ text: "no applicability decision in the SoA", area: "soa" }]);

      const soa = `/api/v1/orgs/${org.orgId}/soa`;
      const patched = await owner.patch(`${soa}/entries/A.2.2`, {
        version: 0,
        applicable: true,
        justification: "We publish an AI policy.",
        implementationStatus: "implemented",
        ownerId: org.owner.userId,
      });
      assert.equal(patched.statusCode, 200, patched.body);
      a22 = node((await owner.get(url())).json(), "A.2.2");
      assert.deepEqual(a22.missing, [{ text: "no approved SoA version yet", area: "soa" }]);
      const frozen = await owner.post(`${soa}/versions`, { note: "First SoA" });
      assert.equal(frozen.statusCode, 201, frozen.body);
      const approved = await lead.post(`${soa}/versions/1/approve`, { version: frozen.json().version ?? 1 });
      assert.equal(approved.statusCode, 200, approved.body);
      a22 = node((await owner.get(url())).json(), "A.2.2");
      assert.equal(a22.status, "ready", JSON.stringify(a22.missing));
      assert.ok(a22.satisfied.includes("1 current evidence item"));

      // an edit after approval is a change the auditor has not seen: partial until a new version is approved
      const edited = await owner.patch(`${soa}/entries/A.2.2`, {
        version: patched.json().version,
        justification: "We publish and review an AI policy.",
      });
      assert.equal(edited.statusCode, 200, edited.body);
      a22 = node((await owner.get(url())).json(), "A.2.2");
      assert.deepEqual(a22.missing, [
        { text: "entry changed since SoA version 1 was approved", area: "soa" },
      ]);
    });

    it("narrows the node list with ?group= and keeps the percentages of the whole framework", async () => {
      const all: ReadinessView = (await owner.get(url())).json();
      const res = await owner.get(`${url()}?group=A.2`);
      assert.equal(res.statusCode, 200);
      const view: ReadinessView = res.json();
      assert.deepEqual(
        view.nodes.map((n) => n.nodeId),
        ["A.2.2", "A.2.3", "A.2.4"],
      );
      assert.equal(view.percent, all.percent);
      assert.deepEqual(view.annexGroups, all.annexGroups);
      assert.equal((await owner.get(`${url()}?unknown=1`)).statusCode, 400);
    });

    it("lets every role with aims.read read it, including viewers and auditors", async () => {
      for (const role of ["viewer", "auditor", "contributor", "governance_lead", "admin"] as const) {
        const c = await clientFor(server, await buildMember(server, org.orgId, { role }), org.orgId);
        const res = await c.get(url());
        assert.equal(res.statusCode, 200, `${role}: ${res.body}`);
        assert.equal(node(res.json(), "5.2").status, "ready", role);
      }
    });

    it("answers 404 to a member of another organization and 401 without credentials", async () => {
      const other = await buildOrg(server);
      const stranger = await clientFor(server, other.owner, other.orgId);
      const res = await stranger.get(url());
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "not_found");
      // their own readiness knows nothing of this org's records
      const own: ReadinessView = (await stranger.get(`/api/v1/orgs/${other.orgId}/readiness`)).json();
      assert.equal(node(own, "5.2").status, "missing");
      assert.equal(own.percent, 0);
      assert.equal((await new TestClient(server.app).get(url())).statusCode, 401);
    });

    it("is documented in the OpenAPI document with its response schema and group parameter", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const op = doc.paths["/api/v1/orgs/{orgId}/readiness"]?.get;
      assert.ok(op, "path documented");
      assert.ok(
        op.parameters.some((p: { name: string; in: string }) => p.name === "group" && p.in === "query"),
      );
      const schema = op.responses["200"].content["application/json"].schema;
      assert.deepEqual(schema.properties.nodes.items.properties.status.enum, [
        "ready",
        "partial",
        "missing",
        "not_applicable",
      ]);
    });

    it("refuses a custom role without aims.read", async () => {
      const [role] = await server.database.db
        .insert(tables.customRoles)
        .values({ orgId: org.orgId, name: "Systems only", permissions: ["ai_system.read"] })
        .returning();
      const member = await buildMember(server, org.orgId, { customRoleId: role!.id });
      const c = await clientFor(server, member, org.orgId);
      const res = await c.get(url());
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, "forbidden");
    });
  });
}
