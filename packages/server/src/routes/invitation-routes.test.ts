import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { tables } from "@openaims/db";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildMember,
  buildOrg,
  buildUserWithPassword,
  clientFor,
  cookieOf,
  createTestServer,
  sessionFor,
  signInAs,
  TestClient,
  type TestServer,
} from "../testing";

const NEW_PASSWORD = "a brand new passphrase";

for (const backend of testBackends()) {
  describe(`invitations on ${backend}`, () => {
    let server: TestServer;
    before(async () => {
      server = await createTestServer({ backend, settings: { loginFreeAttempts: 1000 } });
    });
    afterEach(() => {
      server.ctx.now = () => new Date();
    });
    after(async () => server?.close());

    const anonymous = () => new TestClient(server.app);
    async function ownerSession() {
      const org = await buildOrg(server, { name: "Inviting Org" });
      const { client } = await sessionFor(server, org.owner);
      return { ...org, client };
    }
    const invite = (client: TestClient, orgId: string, body: Record<string, unknown>) =>
      client.post(`/api/v1/orgs/${orgId}/invitations`, body);

    it("creates an invitation whose token is shown once and stored only as a hash", async () => {
      const { orgId, client } = await ownerSession();
      const res = await invite(client, orgId, { email: "New.Person@Example.test", role: "contributor" });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.ok(body.token.startsWith("oai_"));
      assert.equal(body.acceptPath, `/invitations/accept?token=${encodeURIComponent(body.token)}`);
      assert.equal(body.invitation.email, "new.person@example.test");
      assert.equal(body.invitation.role, "contributor");
      assert.equal(body.invitation.roleLabel, "Contributor");
      assert.equal(body.invitation.status, "pending");
      assert.ok(Date.parse(body.invitation.expiresAt) - Date.now() > 6.9 * 86_400_000, "7 days by default");
      const rows = await server.database.db
        .select()
        .from(tables.invitations)
        .where(eq(tables.invitations.orgId, orgId));
      assert.ok(!JSON.stringify(rows).includes(body.token));
      const list = (await client.get(`/api/v1/orgs/${orgId}/invitations`)).json();
      assert.equal(list.items.length, 1);
      assert.ok(!JSON.stringify(list).includes(body.token));
      const events = await auditEventsOf(server, orgId);
      assert.ok(!JSON.stringify(events).includes(body.token), "the token never reaches the audit trail");
      assert.deepEqual(await assertChainIntact(server, orgId), ["session.signed_in", "invitation.created"]);
    });

    it("runs the whole flow for a new person: preview, accept with name and password, signed in as a member", async () => {
      const { orgId, client } = await ownerSession();
      const { token } = (
        await invite(client, orgId, { email: "fresh@example.test", role: "auditor" })
      ).json();
      const preview = await anonymous().get(`/api/v1/invitations/${token}`);
      assert.equal(preview.statusCode, 200);
      const { expiresAt, ...shown } = preview.json() as Record<string, unknown>;
      assert.deepEqual(shown, {
        orgName: "Inviting Org",
        email: "fresh@example.test",
        roleLabel: "Auditor",
        userExists: false,
      });
      assert.ok(Date.parse(String(expiresAt)) > Date.now());
      const missing = await anonymous().post("/api/v1/invitations/accept", { token });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json().error.details.issues.map((i: { path: string }) => i.path),
        ["name", "password"],
      );
      const weak = await anonymous().post("/api/v1/invitations/accept", {
        token,
        name: "Fresh",
        password: "short",
      });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().error.details.issues[0].path, "password");

      const res = await anonymous().post("/api/v1/invitations/accept", {
        token,
        name: "Fresh Person",
        password: NEW_PASSWORD,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().orgId, orgId);
      assert.equal(res.json().user.name, "Fresh Person");
      const session = cookieOf(res, "openaims_session")!;
      const csrf = cookieOf(res, "openaims_csrf")!;
      assert.equal(res.json().csrfToken, csrf);
      const me = await new TestClient(server.app, { cookie: `openaims_session=${session}` }).get(
        "/api/v1/me",
      );
      assert.equal(me.statusCode, 200);
      assert.deepEqual(
        me.json().memberships.map((m: { orgId: string; role: string }) => [m.orgId, m.role]),
        [[orgId, "auditor"]],
      );
      // The new password works for a normal sign-in.
      await signInAs(server, "fresh@example.test", NEW_PASSWORD);
      const types = await assertChainIntact(server, orgId);
      assert.deepEqual(types.slice(2, 5), ["invitation.accepted", "member.added", "session.signed_in"]);
      const listed = (await client.get(`/api/v1/orgs/${orgId}/invitations?status=accepted`)).json();
      assert.equal(listed.items[0].status, "accepted");
    });

    it("refuses reuse of an accepted invitation, and its preview is gone", async () => {
      const { orgId, client } = await ownerSession();
      const { token } = (await invite(client, orgId, { email: "once@example.test", role: "viewer" })).json();
      const body = { token, name: "Once", password: NEW_PASSWORD };
      assert.equal((await anonymous().post("/api/v1/invitations/accept", body)).statusCode, 200);
      const again = await anonymous().post("/api/v1/invitations/accept", body);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "invalid_state");
      assert.match(again.json().error.message, /already been used/);
      assert.equal((await anonymous().get(`/api/v1/invitations/${token}`)).statusCode, 404);
    });

    it("refuses an expired invitation with a clear 409, and hides its preview", async () => {
      const { orgId, client } = await ownerSession();
      const { token } = (
        await invite(client, orgId, { email: "late@example.test", role: "viewer", expiresInDays: 1 })
      ).json();
      const later = Date.now() + 86_400_000 + 1000;
      server.ctx.now = () => new Date(later);
      assert.equal((await anonymous().get(`/api/v1/invitations/${token}`)).statusCode, 404);
      const res = await anonymous().post("/api/v1/invitations/accept", {
        token,
        name: "Late",
        password: NEW_PASSWORD,
      });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, "invalid_state");
      assert.match(res.json().error.message, /expired/);
      const [user] = await server.database.db
        .select()
        .from(tables.users)
        .where(eq(tables.users.email, "late@example.test"));
      assert.equal(user, undefined, "no account is created for an expired invitation");
    });

    it("revokes a pending invitation: 204, then preview 404 and accept refused; revoking twice is 409", async () => {
      const { orgId, client } = await ownerSession();
      const created = (await invite(client, orgId, { email: "revoked@example.test", role: "viewer" })).json();
      const path = `/api/v1/orgs/${orgId}/invitations/${created.invitation.id}`;
      const res = await client.delete(path);
      assert.equal(res.statusCode, 204);
      assert.equal(res.body, "");
      assert.equal((await anonymous().get(`/api/v1/invitations/${created.token}`)).statusCode, 404);
      const accept = await anonymous().post("/api/v1/invitations/accept", {
        token: created.token,
        name: "X",
        password: NEW_PASSWORD,
      });
      assert.equal(accept.statusCode, 409);
      assert.match(accept.json().error.message, /withdrawn/);
      assert.equal((await client.delete(path)).statusCode, 409);
      const types = await assertChainIntact(server, orgId);
      assert.deepEqual(types.slice(-2), ["invitation.created", "invitation.revoked"]);
    });

    it("answers 404 for an unknown token, both for preview and accept", async () => {
      const token = `oai_${"x".repeat(43)}`;
      assert.equal((await anonymous().get(`/api/v1/invitations/${token}`)).statusCode, 404);
      const res = await anonymous().post("/api/v1/invitations/accept", {
        token,
        name: "X",
        password: NEW_PASSWORD,
      });
      assert.equal(res.statusCode, 404);
    });

    it("requires an existing account to be signed in as itself to accept", async () => {
      const { orgId, client } = await ownerSession();
      const existing = await buildUserWithPassword(server);
      const { token } = (await invite(client, orgId, { email: existing.email, role: "contributor" })).json();
      assert.equal((await anonymous().get(`/api/v1/invitations/${token}`)).json().userExists, true);
      const anon = await anonymous().post("/api/v1/invitations/accept", { token });
      assert.equal(anon.statusCode, 401);
      assert.match(anon.json().error.message, /Sign in as .* first/);
      const someoneElse = await signInAs(server, (await buildUserWithPassword(server)).email);
      assert.equal((await someoneElse.client.post("/api/v1/invitations/accept", { token })).statusCode, 401);
      const self = await signInAs(server, existing.email);
      // Without the CSRF header the cookie does not count: a cross-site form cannot accept for you.
      assert.equal((await self.withoutCsrf.post("/api/v1/invitations/accept", { token })).statusCode, 401);
      const res = await self.client.post("/api/v1/invitations/accept", { token, name: "Ignored" });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().user.id, existing.id);
      assert.equal(res.json().csrfToken, undefined);
      assert.equal(cookieOf(res, "openaims_session"), undefined, "an existing session is kept");
      const me = (await self.client.get("/api/v1/me")).json();
      assert.ok(me.memberships.some((m: { orgId: string }) => m.orgId === orgId));
    });

    it("refuses inviting an active member, and a second pending invitation for the same e-mail", async () => {
      const { orgId, client } = await ownerSession();
      const member = await buildMember(server, orgId, { role: "viewer" });
      const dup = await invite(client, orgId, { email: member.email, role: "viewer" });
      assert.equal(dup.statusCode, 409);
      assert.equal(
        (await invite(client, orgId, { email: "twice@example.test", role: "viewer" })).statusCode,
        201,
      );
      assert.equal(
        (await invite(client, orgId, { email: "twice@example.test", role: "viewer" })).statusCode,
        409,
      );
    });

    it("reactivates a deactivated member with the invited role", async () => {
      const { orgId, client } = await ownerSession();
      const member = await buildMember(server, orgId, { role: "viewer", status: "deactivated" });
      const user = (
        await server.database.db.select().from(tables.users).where(eq(tables.users.id, member.userId))
      )[0]!;
      const { token } = (await invite(client, orgId, { email: user.email, role: "contributor" })).json();
      const self = await sessionFor(server, member);
      const res = await self.client.post("/api/v1/invitations/accept", { token });
      assert.equal(res.statusCode, 200, res.body);
      const [m] = await server.database.db
        .select()
        .from(tables.memberships)
        .where(eq(tables.memberships.id, member.membershipId));
      assert.equal(m!.status, "active");
      assert.equal(m!.role, "contributor");
      const events = await auditEventsOf(server, orgId);
      const last = events[events.length - 1]!;
      assert.equal(last.type, "member.reactivated");
      assert.deepEqual((last.payload as { diff: unknown }).diff, {
        status: ["deactivated", "active"],
        role: ["viewer", "contributor"],
      });
    });

    it("answers 409 when the invited person is already an active member at acceptance", async () => {
      const { orgId, client } = await ownerSession();
      const user = await buildUserWithPassword(server);
      const { token } = (await invite(client, orgId, { email: user.email, role: "viewer" })).json();
      await buildMember(server, orgId, { userId: user.id, role: "viewer" });
      const self = await signInAs(server, user.email);
      const res = await self.client.post("/api/v1/invitations/accept", { token });
      assert.equal(res.statusCode, 409);
      const [inv] = await server.database.db
        .select()
        .from(tables.invitations)
        .where(eq(tables.invitations.orgId, orgId));
      assert.equal(inv!.acceptedAt, null, "a refused acceptance leaves the invitation usable");
    });

    it("lets only owners invite owners, only people with member.invite invite at all, and never tokens", async () => {
      const { orgId, owner, client } = await ownerSession();
      const admin = await buildMember(server, orgId, { role: "admin" });
      const lead = await buildMember(server, orgId, { role: "governance_lead" });
      const asAdmin = (await sessionFor(server, admin)).client;
      assert.equal(
        (await invite(asAdmin, orgId, { email: "o1@example.test", role: "owner" })).statusCode,
        403,
      );
      assert.equal(
        (await invite(asAdmin, orgId, { email: "a1@example.test", role: "admin" })).statusCode,
        201,
      );
      assert.equal(
        (await invite(client, orgId, { email: "o2@example.test", role: "owner" })).statusCode,
        201,
      );
      const asLead = (await sessionFor(server, lead)).client;
      assert.equal(
        (await invite(asLead, orgId, { email: "v1@example.test", role: "viewer" })).statusCode,
        403,
      );
      const token = await clientFor(server, owner, orgId);
      assert.equal(
        (await invite(token, orgId, { email: "t1@example.test", role: "viewer" })).statusCode,
        403,
      );
      // Reading the list needs only member.read.
      assert.equal((await asLead.get(`/api/v1/orgs/${orgId}/invitations`)).statusCode, 200);
    });

    it("validates the role and the expiry", async () => {
      const { orgId, client } = await ownerSession();
      const bad = await invite(client, orgId, { email: "x@example.test", role: "emperor" });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, "role");
      const unknownCustom = await invite(client, orgId, {
        email: "x@example.test",
        role: "custom:00000000-0000-4000-8000-000000000000",
      });
      assert.equal(unknownCustom.statusCode, 400);
      const tooLong = await invite(client, orgId, {
        email: "x@example.test",
        role: "viewer",
        expiresInDays: 31,
      });
      assert.equal(tooLong.statusCode, 400);
      assert.equal(tooLong.json().error.details.issues[0].path, "expiresInDays");
    });

    it("pages the invitation list newest first and filters by status", async () => {
      const { orgId, client } = await ownerSession();
      const t0 = Date.now();
      for (let i = 0; i < 5; i++) {
        server.ctx.now = () => new Date(t0 + i * 1000);
        assert.equal(
          (await invite(client, orgId, { email: `p${i}@example.test`, role: "viewer" })).statusCode,
          201,
        );
      }
      server.ctx.now = () => new Date(t0 + 10_000);
      const p1 = (await client.get(`/api/v1/orgs/${orgId}/invitations?limit=2`)).json();
      const p2 = (
        await client.get(`/api/v1/orgs/${orgId}/invitations?limit=2&cursor=${p1.nextCursor}`)
      ).json();
      const p3 = (
        await client.get(`/api/v1/orgs/${orgId}/invitations?limit=2&cursor=${p2.nextCursor}`)
      ).json();
      const emails = [...p1.items, ...p2.items, ...p3.items].map((i: { email: string }) => i.email);
      assert.deepEqual(emails, [
        "p4@example.test",
        "p3@example.test",
        "p2@example.test",
        "p1@example.test",
        "p0@example.test",
      ]);
      assert.equal(p3.nextCursor, null);
      assert.equal(
        (await client.get(`/api/v1/orgs/${orgId}/invitations?status=revoked`)).json().items.length,
        0,
      );
      assert.equal((await client.get(`/api/v1/orgs/${orgId}/invitations?cursor=bad`)).statusCode, 400);
    });

    it("answers 404 for invitations of an org the caller does not belong to", async () => {
      const { orgId, client } = await ownerSession();
      const other = await buildOrg(server);
      const created = (
        await invite((await sessionFor(server, other.owner)).client, other.orgId, {
          email: "theirs@example.test",
          role: "viewer",
        })
      ).json();
      assert.equal((await client.get(`/api/v1/orgs/${other.orgId}/invitations`)).statusCode, 404);
      assert.equal(
        (await invite(client, other.orgId, { email: "y@example.test", role: "viewer" })).statusCode,
        404,
      );
      assert.equal(
        (await client.delete(`/api/v1/orgs/${other.orgId}/invitations/${created.invitation.id}`)).statusCode,
        404,
      );
      assert.equal(
        (await client.delete(`/api/v1/orgs/${orgId}/invitations/${created.invitation.id}`)).statusCode,
        404,
      );
    });
  });
}
