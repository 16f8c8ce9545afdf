import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { testBackends } from "@openaims/db/testing";
import type { BootstrapChannel } from "../deps";
import { assertChainIntact, buildOrg, createTestServer, signInAs, type TestServer } from "../testing";

const body = { email: "First@Owner.test", password: "first owner password", org: "First Org", name: "First" };

for (const backend of testBackends()) {
  describe(`local first-owner bootstrap on ${backend}`, () => {
    let server: TestServer;
    let noChannel: TestServer;
    let closed = 0;
    const channel: BootstrapChannel = {
      token: "local-secret-token-0123456789",
      onBootstrapped: () => {
        closed += 1;
      },
    };
    before(async () => {
      server = await createTestServer({ backend, bootstrap: channel });
      noChannel = await createTestServer({ backend });
    });
    after(async () => {
      await server?.close();
      await noChannel?.close();
    });

    const post = (
      s: TestServer,
      headers: Record<string, string>,
      payload: unknown = body,
      remoteAddress?: string,
    ) =>
      s.app.inject({
        method: "POST",
        url: "/api/v1/admin/bootstrap",
        headers,
        payload: payload as object,
        remoteAddress,
      });

    it("is a plain 404 without the right token, even for an invalid body", async () => {
      for (const res of [
        await post(server, {}),
        await post(server, { "x-bootstrap-token": "wrong" }),
        await post(server, {}, { nonsense: true }),
        await post(noChannel, { "x-bootstrap-token": channel.token! }),
      ]) {
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, "not_found");
      }
    });

    it("is refused from another machine even with the token", async () => {
      const res = await post(server, { "x-bootstrap-token": channel.token! }, body, "192.0.2.10");
      assert.equal(res.statusCode, 404);
    });

    it("validates the body once the token matches", async () => {
      const res = await post(server, { "x-bootstrap-token": channel.token! }, { ...body, password: "short" });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details.issues[0].path, "password");
    });

    it("creates the first owner and org with the token, then closes the channel", async () => {
      const res = await post(server, { "x-bootstrap-token": channel.token! });
      assert.equal(res.statusCode, 201, res.body);
      const result = res.json();
      assert.equal(result.email, "first@owner.test");
      assert.equal(closed, 1);
      assert.equal(channel.token, null);
      const again = await post(server, { "x-bootstrap-token": "local-secret-token-0123456789" });
      assert.equal(again.statusCode, 404);
      assert.deepEqual(await assertChainIntact(server, result.orgId), ["org.created", "member.added"]);
      const { client } = await signInAs(server, "first@owner.test", body.password);
      const me = (await client.get("/api/v1/me")).json();
      assert.equal(me.user.isInstanceAdmin, true);
      assert.equal(me.canCreateOrg, true);
      assert.equal(me.memberships[0].role, "owner");
    });

    it("answers 409 when an owner already exists although the channel is open", async () => {
      const other: BootstrapChannel = { token: "another-local-secret-0123456789" };
      const s = await createTestServer({ backend, bootstrap: other });
      try {
        await buildOrg(s);
        const res = await post(s, { "x-bootstrap-token": other.token! });
        assert.equal(res.statusCode, 409);
        assert.equal(res.json().error.code, "invalid_state");
      } finally {
        await s.close();
      }
    });

    it("is left out of the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      assert.equal(doc.paths["/api/v1/admin/bootstrap"], undefined);
      assert.ok(doc.paths["/api/v1/auth/login"]);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/members"]);
    });
  });
}
