import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { builtinRolePermissions } from "@openaims/core";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  buildMember,
  buildOrg,
  buildUser,
  buildUserWithPassword,
  clientFor,
  cookieOf,
  createTestServer,
  signInAs,
  TestClient,
  TEST_PASSWORD,
  type TestServer,
} from "../testing";

const login = (server: TestServer, email: string, password: string) =>
  server.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });

for (const backend of testBackends()) {
  describe(`sign-in, sessions and CSRF on ${backend}`, () => {
    let server: TestServer;
    const realNow = () => new Date();
    before(async () => {
      // Generous free attempts: back-off has its own test file; short session limits to test expiry.
      server = await createTestServer({
        backend,
        settings: { loginFreeAttempts: 1000, sessionIdleMinutes: 30, sessionAbsoluteHours: 1 },
      });
    });
    afterEach(() => {
      server.ctx.now = realNow;
    });
    after(async () => server?.close());

    it("signs in with the right password and sets an HttpOnly session cookie and a readable CSRF cookie", async () => {
      const user = await buildUserWithPassword(server, { name: "Ada" });
      const res = await login(server, user.email.toUpperCase(), TEST_PASSWORD);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.user, { id: user.id, email: user.email, name: "Ada", isInstanceAdmin: false });
      assert.equal(typeof body.csrfToken, "string");
      const session = res.cookies.find((c) => c.name === "openaims_session")!;
      const csrf = res.cookies.find((c) => c.name === "openaims_csrf")!;
      assert.ok(session.value.startsWith("oas_"));
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, "Lax");
      assert.equal(session.path, "/");
      assert.equal(session.secure, undefined, "not Secure unless configured");
      assert.equal(csrf.value, body.csrfToken);
      assert.notEqual(csrf.httpOnly, true);
      assert.equal(csrf.sameSite, "Lax");
      // Only the hash of the session secret is stored.
      const rows = await server.database.db
        .select()
        .from(tables.sessions)
        .where(eq(tables.sessions.userId, user.id));
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]!.tokenHash, session.value);
      assert.ok(!JSON.stringify(rows).includes(session.value));
    });

    it("answers an unknown e-mail, a wrong password, a disabled and a password-less account identically", async () => {
      const user = await buildUserWithPassword(server);
      const disabled = await buildUserWithPassword(server);
      await server.database.db
        .update(tables.users)
        .set({ disabledAt: new Date() })
        .where(eq(tables.users.id, disabled.id));
      const noPassword = await buildUser(server);
      const answers = await Promise.all([
        login(server, "nobody-here@example.test", TEST_PASSWORD),
        login(server, user.email, "wrong password, sorry"),
        login(server, disabled.email, TEST_PASSWORD),
        login(server, noPassword.email, TEST_PASSWORD),
      ]);
      for (const res of answers) {
        assert.equal(res.statusCode, 401);
        assert.deepEqual(res.json(), {
          error: { code: "unauthenticated", message: "The e-mail or password is not correct." },
        });
        assert.equal(res.cookies.length, 0);
      }
    });

    it("rejects a malformed sign-in body with a 400 naming the field", async () => {
      const res = await server.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "not-an-email", password: "x" },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, "invalid_input");
      assert.ok(res.json().error.details.issues.some((i: { path: string }) => i.path === "email"));
    });

    it("shows the signed-in person their active memberships with role labels and permissions", async () => {
      const { orgId, owner } = await buildOrg(server, { name: "Alpha" });
      const other = await buildOrg(server, { name: "Beta" });
      const gone = await buildOrg(server, { name: "Gamma" });
      const user = await buildUserWithPassword(server);
      const m = await buildMember(server, orgId, { userId: user.id, role: "auditor" });
      await buildMember(server, other.orgId, { userId: user.id, role: "viewer" });
      await buildMember(server, gone.orgId, { userId: user.id, role: "admin", status: "deactivated" });
      const { client, csrfToken } = await signInAs(server, user.email);
      const res = await client.get("/api/v1/me");
      assert.equal(res.statusCode, 200);
      const me = res.json();
      assert.equal(me.user.id, user.id);
      assert.equal(me.csrfToken, csrfToken);
      assert.equal(me.canCreateOrg, false);
      assert.deepEqual(
        me.memberships.map((x: { orgName: string; role: string; roleLabel: string }) => [
          x.orgName,
          x.role,
          x.roleLabel,
        ]),
        [
          ["Alpha", "auditor", "Auditor"],
          ["Beta", "viewer", "Viewer"],
        ],
      );
      assert.equal(me.memberships[0].id, m.membershipId);
      assert.ok(me.memberships[0].permissions.includes("audit_event.read"));
      assert.ok(!me.memberships[1].permissions.includes("audit_event.read"));
      void owner;
    });

    it("shows an API token only its own org, with the token's narrower role", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const user = await buildUser(server);
      await buildMember(server, a.orgId, { userId: user.id, role: "admin" });
      await buildMember(server, b.orgId, { userId: user.id, role: "admin" });
      const token = await clientFor(server, { userId: user.id }, a.orgId, { role: "viewer" });
      const me = (await token.get("/api/v1/me")).json();
      assert.equal(me.csrfToken, null);
      assert.equal(me.canCreateOrg, false);
      assert.equal(me.memberships.length, 1);
      assert.equal(me.memberships[0].orgId, a.orgId);
      assert.equal(me.memberships[0].role, "viewer");
      assert.deepEqual(me.memberships[0].permissions, [...builtinRolePermissions.viewer]);
    });

    it("answers /me without credentials with 401", async () => {
      const res = await server.app.inject({ method: "GET", url: "/api/v1/me" });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "unauthenticated");
    });

    it("records session.signed_in in every org of active membership, and not elsewhere", async () => {
      const a = await buildOrg(server);
      const b = await buildOrg(server);
      const user = await buildUserWithPassword(server);
      await buildMember(server, a.orgId, { userId: user.id, role: "viewer" });
      await buildMember(server, b.orgId, { userId: user.id, role: "viewer", status: "deactivated" });
      await signInAs(server, user.email);
      assert.deepEqual(await assertChainIntact(server, a.orgId), ["session.signed_in"]);
      assert.deepEqual(await assertChainIntact(server, b.orgId), []);
    });

    it("refuses a cookie-authenticated mutation without the CSRF header and accepts it with the header", async () => {
      const { orgId, owner } = await buildOrg(server);
      const user = await buildUserWithPassword(server);
      await server.database.db
        .update(tables.memberships)
        .set({ userId: user.id })
        .where(eq(tables.memberships.id, owner.membershipId));
      const { client, withoutCsrf } = await signInAs(server, user.email);
      const noHeader = await withoutCsrf.patch(`/api/v1/orgs/${orgId}`, { name: "Renamed", version: 1 });
      assert.equal(noHeader.statusCode, 403);
      assert.match(noHeader.json().error.message, /x-csrf-token/);
      const wrong = await new TestClient(server.app, {
        cookie: `openaims_session=${(await signInAs(server, user.email)).sessionToken}`,
        csrf: "not-the-token",
      }).patch(`/api/v1/orgs/${orgId}`, { name: "Renamed", version: 1 });
      assert.equal(wrong.statusCode, 403);
      const ok = await client.patch(`/api/v1/orgs/${orgId}`, { name: "Renamed", version: 1 });
      assert.equal(ok.statusCode, 200, ok.body);
      // Reads need no header.
      assert.equal((await withoutCsrf.get(`/api/v1/orgs/${orgId}`)).statusCode, 200);
    });

    it("lets a bearer token mutate without any CSRF header", async () => {
      const { orgId, owner } = await buildOrg(server);
      const token = await clientFor(server, owner, orgId);
      const res = await token.patch(`/api/v1/orgs/${orgId}`, { name: "By token", version: 1 });
      assert.equal(res.statusCode, 200, res.body);
    });

    it("signs out: the session cookie stops working, both cookies are cleared and the event is recorded", async () => {
      const { orgId } = await buildOrg(server);
      const user = await buildUserWithPassword(server);
      await buildMember(server, orgId, { userId: user.id, role: "viewer" });
      const { client, withoutCsrf } = await signInAs(server, user.email);
      assert.equal((await withoutCsrf.post("/api/v1/auth/logout")).statusCode, 403, "logout needs CSRF too");
      const res = await client.post("/api/v1/auth/logout");
      assert.equal(res.statusCode, 204);
      for (const name of ["openaims_session", "openaims_csrf"]) {
        const c = res.cookies.find((x) => x.name === name)!;
        assert.equal(c.value, "");
        assert.ok(c.expires!.getTime() < Date.now());
      }
      assert.equal((await client.get("/api/v1/me")).statusCode, 401);
      const [row] = await server.database.db
        .select()
        .from(tables.sessions)
        .where(eq(tables.sessions.userId, user.id));
      assert.ok(row!.revokedAt);
      assert.deepEqual(await assertChainIntact(server, orgId), ["session.signed_in", "session.signed_out"]);
    });

    it("ends a session after the idle timeout but keeps an active one alive", async () => {
      const user = await buildUserWithPassword(server);
      const t0 = Date.now();
      server.ctx.now = () => new Date(t0);
      const { client } = await signInAs(server, user.email);
      server.ctx.now = () => new Date(t0 + 29 * 60_000);
      assert.equal((await client.get("/api/v1/me")).statusCode, 200);
      server.ctx.now = () => new Date(t0 + 58 * 60_000); // 29 min after the last request
      assert.equal((await client.get("/api/v1/me")).statusCode, 200);
      server.ctx.now = () => new Date(t0 + 89 * 60_000); // 31 min idle
      assert.equal((await client.get("/api/v1/me")).statusCode, 401);
    });

    it("ends a session at its absolute lifetime however active it is", async () => {
      const user = await buildUserWithPassword(server);
      const t0 = Date.now();
      server.ctx.now = () => new Date(t0);
      const { client, response } = await signInAs(server, user.email);
      const expires = response.cookies.find((c) => c.name === "openaims_session")!.expires!;
      // Cookie dates have whole seconds.
      assert.ok(
        Math.abs(expires.getTime() - (t0 + 3_600_000)) < 1000,
        "cookie lifetime equals the absolute lifetime",
      );
      for (const minutes of [20, 40, 59]) {
        server.ctx.now = () => new Date(t0 + minutes * 60_000);
        assert.equal((await client.get("/api/v1/me")).statusCode, 200, `at ${minutes} min`);
      }
      server.ctx.now = () => new Date(t0 + 61 * 60_000);
      assert.equal((await client.get("/api/v1/me")).statusCode, 401);
    });

    it("ignores a forged session cookie", async () => {
      const res = await server.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: "openaims_session=oas_forged" },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(cookieOf(res, "openaims_session"), undefined);
    });
  });
}
