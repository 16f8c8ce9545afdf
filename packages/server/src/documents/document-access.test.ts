import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "@openaims/core";
import { labelLinks } from "@openaims/app";
import { verifyAuditChain } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  buildAiSystem,
  buildOrg,
  clientFor,
  type TestClient,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

/** What each role may do to a document in review that someone else wrote (written out by hand). */
const expected: Record<BuiltinRole, { create: number; approve: number; submitOwn: number; read: number }> = {
  owner: { read: 200, create: 201, submitOwn: 200, approve: 200 },
  admin: { read: 200, create: 201, submitOwn: 200, approve: 200 },
  governance_lead: { read: 200, create: 201, submitOwn: 200, approve: 200 },
  contributor: { read: 200, create: 201, submitOwn: 200, approve: 403 },
  auditor: { read: 200, create: 403, submitOwn: 403, approve: 403 },
  viewer: { read: 200, create: 403, submitOwn: 403, approve: 403 },
};

for (const backend of testBackends()) {
  describe(`document access, isolation and input on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const as = async (role: BuiltinRole) => (await member(role)).client;
      return { org, owner, base: `${base}/documents`, as };
    }
    const inReview = async (c: TestClient, base: string) => {
      const d = (await c.post(base, { title: "Policy", kind: "policy", body: "text" })).json();
      assert.equal((await c.post(`${base}/${d.id}/submit`, { version: 1 })).statusCode, 200);
      return d.id as string;
    };

    for (const role of builtinRoles) {
      it(`a ${role} reads, drafts and approves exactly as its role allows`, async () => {
        const { owner, base, as } = await setup();
        const id = await inReview(owner, base);
        const c = await as(role);
        const got = await c.get(`${base}/${id}`);
        assert.equal(got.statusCode, expected[role].read);
        assert.equal(got.json().abilities.approve, expected[role].approve === 200);
        assert.equal((await c.get(`${base}?limit=5`)).json().abilities.create, expected[role].create === 201);
        const created = await c.post(base, { title: `By ${role}`, kind: "record", body: "x" });
        assert.equal(created.statusCode, expected[role].create, created.body);
        const ownId = created.statusCode === 201 ? created.json().id : id;
        if (created.statusCode === 201)
          assert.equal(
            (await c.post(`${base}/${ownId}/submit`, { version: 1 })).statusCode,
            expected[role].submitOwn,
          );
        else
          assert.equal((await c.post(`${base}/${id}/reject`, { version: 2, comment: "no" })).statusCode, 403);
        const approved = await c.post(`${base}/${id}/approve`, { version: 2 });
        assert.equal(approved.statusCode, expected[role].approve, approved.body);
        if (approved.statusCode === 403) assert.equal(approved.json().error.code, "forbidden");
      });
    }

    it("an auditor reads everything but cannot approve, publish, retire or mark reviewed", async () => {
      const { owner, base, as } = await setup();
      const id = await inReview(owner, base);
      const auditor = await as("auditor");
      assert.equal((await auditor.get(`${base}/${id}/versions/1`)).statusCode, 200);
      assert.equal((await auditor.get(`${base}/${id}/history`)).statusCode, 200);
      for (const action of ["approve", "publish", "retire", "mark-reviewed", "new-draft"])
        assert.equal((await auditor.post(`${base}/${id}/${action}`, { version: 2 })).statusCode, 403, action);
      assert.equal((await auditor.patch(`${base}/${id}`, { version: 2, title: "x" })).statusCode, 403);
    });

    it("answers 404 for another organization's document on every route, and changes nothing", async () => {
      const { org, owner, base } = await setup();
      const id = await inReview(owner, base);
      const other = await buildOrg(server);
      const intruder = await clientFor(server, other.owner, other.orgId);
      const otherBase = `/api/v1/orgs/${other.orgId}/documents`;
      const calls = [
        () => intruder.get(`${base}/${id}`),
        () => intruder.get(base),
        () => intruder.post(base, { title: "x", kind: "policy" }),
        // through their own org's path: the id is not theirs
        () => intruder.get(`${otherBase}/${id}`),
        () => intruder.patch(`${otherBase}/${id}`, { version: 2, title: "Hijacked" }),
        () => intruder.patch(`${otherBase}/${id}/versions/1`, { version: 2, body: "Hijacked" }),
        () => intruder.get(`${otherBase}/${id}/versions/1`),
        () => intruder.get(`${otherBase}/${id}/diff?from=1&to=1`),
        () => intruder.get(`${otherBase}/${id}/history`),
        ...["submit", "approve", "publish", "retire", "new-draft", "mark-reviewed"].map(
          (a) => () => intruder.post(`${otherBase}/${id}/${a}`, { version: 2 }),
        ),
        () => intruder.post(`${otherBase}/${id}/reject`, { version: 2, comment: "x" }),
      ];
      for (const call of calls) {
        const res = await call();
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().error.code, "not_found");
      }
      const still = (await owner.get(`${base}/${id}`)).json();
      assert.equal(still.version, 2);
      assert.equal(still.title, "Policy");
      assert.equal((await verifyAuditChain(server.database.db, org.orgId)).ok, true);
    });

    it("refuses bad input with 400 naming the field", async () => {
      const { org, owner, base } = await setup();
      const cases: [string, () => ReturnType<TestClient["post"]>, string][] = [
        ["title", () => owner.post(base, { title: "  ", kind: "policy" }), "title"],
        ["kind", () => owner.post(base, { title: "x", kind: "memo" }), "kind"],
        [
          "interval",
          () => owner.post(base, { title: "x", kind: "plan", reviewIntervalMonths: 0 }),
          "reviewIntervalMonths",
        ],
        ["unknown", () => owner.post(base, { title: "x", kind: "plan", colour: "red" }), "body"],
        [
          "owner",
          () => owner.post(base, { title: "x", kind: "plan", ownerId: crypto.randomUUID() }),
          "ownerId",
        ],
        [
          "link",
          () =>
            owner.post(base, { title: "x", kind: "plan", links: [{ type: "framework_node", id: "A.99" }] }),
          "links.0",
        ],
        ["template", () => owner.post(`${base}/from-template`, { templateKey: "nope" }), "templateKey"],
        ["diff", () => owner.get(`${base}/${crypto.randomUUID()}/diff?from=0&to=1`), "from"],
        ["review", () => owner.get(`${base}?review=late`), "review"],
        ["cursor", () => owner.get(`${base}?cursor=bogus`), "cursor"],
      ];
      for (const [name, call, path] of cases) {
        const res = await call();
        if (name === "unknown") assert.match(res.json().error.message, /colour/);
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        assert.equal(res.json().error.code, "invalid_input");
        const paths = (res.json().error.details?.issues ?? []).map((i: { path: string }) => i.path);
        assert.ok(
          paths.some((p: string) => p === path || p.endsWith(path)),
          `${name}: ${JSON.stringify(paths)}`,
        );
      }
      assert.equal((await owner.get(base)).json().total, 0, "nothing was created");
      assert.deepEqual(await assertChainIntact(server, org.orgId), []);
    });

    it("creates a draft from a template with its text and suggested links, owned by the caller", async () => {
      const { owner, base, as, org } = await setup();
      const templates = (await owner.get(`/api/v1/orgs/${org.orgId}/document-templates`)).json().items;
      assert.deepEqual(
        templates.map((t: { key: string }) => t.key),
        [
          "ai_policy",
          "ai_risk_management_procedure",
          "ai_impact_assessment_procedure",
          "ai_incident_procedure",
          "internal_audit_procedure",
        ],
      );
      assert.equal(templates[0].links[0].label, "5.2 AI policy");
      const contributor = await as("contributor");
      const res = await contributor.post(`${base}/from-template`, { templateKey: "ai_policy" });
      assert.equal(res.statusCode, 201, res.body);
      const d = res.json();
      assert.equal(d.templateKey, "ai_policy");
      assert.equal(d.kind, "policy");
      assert.equal(d.title, "AI policy");
      assert.equal(d.status, "draft");
      assert.match(d.latest.body, /^# AI policy/);
      assert.notEqual(d.ownerId, org.owner.userId);
      assert.deepEqual(
        d.links.map((l: { type: string; id: string }) => `${l.type}:${l.id}`),
        [
          "iso-iec-42001-2023:5.2",
          "iso-iec-42001-2023:A.2.2",
          "iso-iec-42001-2023:A.2.3",
          "iso-iec-42001-2023:A.2.4",
        ].map((id) => `framework_node:${id}`),
      );
      const filtered = (await owner.get(`${base}?templateKey=ai_policy`)).json();
      assert.equal(filtered.total, 1);
      const viewer = await as("viewer");
      assert.equal(
        (await viewer.post(`${base}/from-template`, { templateKey: "ai_policy" })).statusCode,
        403,
      );
    });

    it("links documents to framework nodes and AI systems, and resolves documents as link targets", async () => {
      const { org, owner, base } = await setup();
      const sys = await buildAiSystem(server, org.orgId, { name: "Chatbot" });
      const foreign = await buildAiSystem(server, (await buildOrg(server)).orgId, { name: "Theirs" });
      const d = (await owner.post(base, { title: "Chatbot procedure", kind: "procedure" })).json();
      const res = await owner.patch(`${base}/${d.id}`, {
        version: 1,
        links: [
          { type: "framework_node", id: "A.9.2" },
          { type: "ai_system", id: sys.id },
        ],
      });
      assert.equal(res.statusCode, 200, res.body);
      const labels = res
        .json()
        .links.map((l: { label: string }) => l.label)
        .sort();
      assert.deepEqual(labels, ["A.9.2 Processes for responsible use of AI systems", "Chatbot"]);
      assert.equal(res.json().version, 2);
      const bad = await owner.patch(`${base}/${d.id}`, {
        version: 2,
        links: [{ type: "ai_system", id: foreign.id }],
      });
      assert.equal(bad.statusCode, 400);
      // unchanged links: no write, no event
      const same = await owner.patch(`${base}/${d.id}`, {
        version: 2,
        links: [
          { type: "ai_system", id: sys.id },
          { type: "framework_node", id: "iso-iec-42001-2023:A.9.2" },
        ],
      });
      assert.equal(same.json().version, 2);
      const types = await assertChainIntact(server, org.orgId);
      assert.deepEqual(types, ["document.created", "document.updated"]);
      // other features link to documents by id; the label is the title, scoped to the org
      const [label] = await labelLinks(server.database.db, org.orgId, [{ type: "document", id: d.id }]);
      assert.equal(label!.label, "Chatbot procedure");
      const [elsewhere] = await labelLinks(server.database.db, foreign.orgId, [
        { type: "document", id: d.id },
      ]);
      assert.equal(elsewhere!.label, d.id);
    });
  });
}
