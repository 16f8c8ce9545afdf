import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import { useTestServer } from "./testing/test-server";

for (const backend of testBackends()) {
  describe(`server basics on ${backend}`, () => {
    const server = useTestServer(backend);

    it("answers /api/health with the database kind", async () => {
      const res = await server.app.inject({ method: "GET", url: "/api/health" });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: "ok", version: "0.1.0", database: { kind: backend, ok: true } });
      assert.ok(res.headers["x-request-id"]);
    });

    it("serves an OpenAPI 3.1 document", async () => {
      const res = await server.app.inject({ method: "GET", url: "/api/openapi.json" });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, "3.1.0");
      assert.ok(doc.paths["/api/health"]);
    });

    it("answers unknown API routes with a JSON 404", async () => {
      const res = await server.app.inject({ method: "GET", url: "/api/v1/nope" });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "not_found");
    });

    it("sets security headers", async () => {
      const res = await server.app.inject({ method: "GET", url: "/api/health" });
      assert.equal(res.headers["x-content-type-options"], "nosniff");
      assert.ok(String(res.headers["content-security-policy"]).includes("default-src 'self'"));
      assert.equal(res.headers["access-control-allow-origin"], undefined);
    });
  });
}
