import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import {
  buildMember,
  buildOrg,
  clientFor,
  createTestServer,
  sessionFor,
  type TestClient,
  type TestServer,
} from "../testing";

const someId = "00000000-0000-4000-8000-000000000001";

/** Every org-scoped route of the access area, with a body that would be valid for a member. */
const routes = (orgId: string): [string, string, unknown?][] => [
  ["GET", `/api/v1/orgs/${orgId}`],
  ["PATCH", `/api/v1/orgs/${orgId}`, { name: "Taken over", version: 1 }],
  ["GET", `/api/v1/orgs/${orgId}/members`],
  ["PATCH", `/api/v1/orgs/${orgId}/members/${someId}`, { role: "admin", version: 1 }],
  ["POST", `/api/v1/orgs/${orgId}/members/${someId}/deactivate`, { version: 1 }],
  ["POST", `/api/v1/orgs/${orgId}/members/${someId}/reactivate`, { version: 1 }],
  ["GET", `/api/v1/orgs/${orgId}/invitations`],
  ["POST", `/api/v1/orgs/${orgId}/invitations`, { email: "x@example.test", role: "viewer" }],
  ["DELETE", `/api/v1/orgs/${orgId}/invitations/${someId}`],
  ["GET", `/api/v1/orgs/${orgId}/roles`],
  ["POST", `/api/v1/orgs/${orgId}/roles`, { name: "X", permissions: ["org.read"] }],
  [
    "PATCH",
    `/api/v1/orgs/${orgId}/roles/${someId}`,
    { name: "X", description: "", permissions: ["org.read"], version: 1 },
  ],
  ["DELETE", `/api/v1/orgs/${orgId}/roles/${someId}`],
  ["GET", `/api/v1/orgs/${orgId}/api-tokens`],
  ["POST", `/api/v1/orgs/${orgId}/api-tokens`, { name: "x" }],
  ["DELETE", `/api/v1/orgs/${orgId}/api-tokens/${someId}`],
];

for (const backend of testBackends()) {
  describe(`organization isolation of the access routes on ${backend}`, () => {
    let server: TestServer;
    let target: { orgId: string };
    const callers: [string, TestClient][] = [];
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
      target = await buildOrg(server);
      const elsewhere = await buildOrg(server);
      callers.push(["an owner of another org (session)", (await sessionFor(server, elsewhere.owner)).client]);
      callers.push([
        "an owner of another org (token)",
        await clientFor(server, elsewhere.owner, elsewhere.orgId),
      ]);
      const deactivated = await buildMember(server, target.orgId, { role: "admin", status: "deactivated" });
      callers.push([
        "a deactivated admin of this org (session)",
        (await sessionFor(server, deactivated)).client,
      ]);
      // A member of both orgs whose token belongs to the other one.
      const both = await buildMember(server, elsewhere.orgId, { role: "admin" });
      await buildMember(server, target.orgId, { userId: both.userId, role: "admin" });
      callers.push(["a token of the member's other org", await clientFor(server, both, elsewhere.orgId)]);
    });
    after(async () => server?.close());

    it("answers 404 on every org route to anyone who is not an active member", async () => {
      for (const [who, client] of callers) {
        for (const [method, url, payload] of routes(target.orgId)) {
          const res = await client.request({ method: method as "GET", url, payload: payload as object });
          assert.equal(res.statusCode, 404, `${who}: ${method} ${url} → ${res.statusCode} ${res.body}`);
          assert.equal(res.json().error.code, "not_found");
        }
      }
    });

    it("answers 401 on every org route without credentials", async () => {
      for (const [method, url, payload] of routes(target.orgId)) {
        const res = await server.app.inject({ method: method as "GET", url, payload: payload as object });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
      }
    });
  });
}
