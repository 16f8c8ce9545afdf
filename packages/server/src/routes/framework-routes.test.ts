import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { buildMember, buildOrg, clientFor, sessionFor, useTestServer } from "../testing";

interface Node {
  id: string;
  title: string;
  kind: string;
  guidance: { intent: string; evidence: string[]; auditQuestions: string[] } | null;
  related: string[];
  children: Node[];
}
const find = (nodes: Node[], id: string): Node | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};

for (const backend of testBackends()) {
  describe(`framework catalogue routes on ${backend}`, () => {
    const server = useTestServer(backend);

    it("rejects both endpoints without credentials with 401", async () => {
      for (const url of ["/api/v1/frameworks", "/api/v1/frameworks/iso-iec-42001-2023"]) {
        const res = await server.app.inject({ method: "GET", url });
        assert.equal(res.statusCode, 401, url);
        assert.equal(res.json().error.code, "unauthenticated");
      }
    });

    it("lists ISO/IEC 42001:2023 with its node counts for an API token of a viewer", async () => {
      const { orgId } = await buildOrg(server);
      const viewer = await buildMember(server, orgId, { role: "viewer" });
      const res = await (await clientFor(server, viewer, orgId)).get("/api/v1/frameworks");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.nextCursor, null);
      const iso = body.items.find((f: { id: string }) => f.id === "iso-iec-42001-2023");
      assert.equal(iso.name, "ISO/IEC 42001");
      assert.equal(iso.version, "2023");
      assert.deepEqual(iso.counts, { heading: 22, requirement: 32, control: 38, objective: 10 });
    });

    it("returns the node tree with guidance to a session, titles exactly as in the catalogue", async () => {
      const { owner } = await buildOrg(server);
      const { client } = await sessionFor(server, owner);
      const res = await client.get("/api/v1/frameworks/iso-iec-42001-2023");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.ok(body.copyrightNote.includes("copyright"));
      assert.equal(body.nodes[0].id, "4");
      const control = find(body.nodes, "A.6.2.4");
      assert.equal(control?.title, "AI system verification and validation");
      assert.equal(control?.kind, "control");
      assert.ok(control?.guidance?.intent);
      assert.ok(control?.related.includes("6.1.3"));
      assert.equal(find(body.nodes, "6.1.2")?.related.includes("8.2"), true);
      assert.equal(find(body.nodes, "A.6")?.children.length, 2);
    });

    it("answers an unknown framework id with 404 not_found", async () => {
      const { orgId, owner } = await buildOrg(server);
      const res = await (await clientFor(server, owner, orgId)).get("/api/v1/frameworks/iso-iec-42001-2022");
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "not_found");
    });

    it("documents both endpoints in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      assert.ok(doc.paths["/api/v1/frameworks"]?.get);
      const detail = doc.paths["/api/v1/frameworks/{frameworkId}"]?.get;
      const nodes = detail?.responses?.["200"]?.content?.["application/json"]?.schema?.properties?.nodes;
      // The recursive node must be a named component, or the $ref would dangle.
      assert.equal(nodes?.items?.$ref, "#/components/schemas/FrameworkNode");
      assert.ok(doc.components.schemas.FrameworkNode.properties.children);
    });
  });
}
