import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { BuiltinRole } from "@openaims/core";
import { hashSecret, newSecret } from "@openaims/app";
import { inTransaction, startAuditChain, tables } from "@openaims/db";
import { TestClient, type TestServer } from "./test-server";

/** Test factories: they persist straight through the tables so tests start from a known state quickly. */
export interface BuiltOrg {
  orgId: string;
  owner: BuiltMember;
}
export interface BuiltMember {
  userId: string;
  membershipId: string;
  email: string;
  role: BuiltinRole | null;
}

export async function buildUser(
  server: TestServer,
  opts: { email?: string; name?: string; passwordHash?: string | null } = {},
) {
  const email = opts.email ?? `user-${randomUUID().slice(0, 8)}@example.test`;
  const [user] = await server.database.db
    .insert(tables.users)
    .values({ email, name: opts.name ?? email.split("@")[0]!, passwordHash: opts.passwordHash ?? null })
    .returning();
  return user!;
}

export async function buildOrg(server: TestServer, opts: { name?: string } = {}): Promise<BuiltOrg> {
  const owner = await buildUser(server);
  const orgId = randomUUID();
  const membershipId = await inTransaction(server.database, async (tx) => {
    await tx
      .insert(tables.organizations)
      .values({ id: orgId, name: opts.name ?? `Org ${orgId.slice(0, 6)}` });
    await startAuditChain(tx, orgId);
    const [m] = await tx
      .insert(tables.memberships)
      .values({ orgId, userId: owner.id, role: "owner" })
      .returning();
    return m!.id;
  });
  return { orgId, owner: { userId: owner.id, membershipId, email: owner.email, role: "owner" } };
}

export async function buildMember(
  server: TestServer,
  orgId: string,
  opts: {
    role?: BuiltinRole | null;
    customRoleId?: string;
    email?: string;
    status?: "active" | "deactivated";
    userId?: string;
  } = {},
): Promise<BuiltMember> {
  const userId = opts.userId ?? (await buildUser(server, { email: opts.email })).id;
  const role = opts.customRoleId ? null : (opts.role ?? "contributor");
  const [m] = await server.database.db
    .insert(tables.memberships)
    .values({ orgId, userId, role, customRoleId: opts.customRoleId ?? null, status: opts.status ?? "active" })
    .returning();
  const [u] = await server.database.db.select().from(tables.users).where(eqId(userId));
  return { userId, membershipId: m!.id, email: u!.email, role };
}

const eqId = (id: string) => eq(tables.users.id, id);

/** Mints an API token for a member (with the member's role unless given) and returns the secret. */
export async function mintApiToken(
  server: TestServer,
  member: { userId: string },
  orgId: string,
  opts: { role?: BuiltinRole | null; customRoleId?: string | null; name?: string } = {},
): Promise<string> {
  const [m] = await server.database.db
    .select()
    .from(tables.memberships)
    .where(and(eq(tables.memberships.userId, member.userId), eq(tables.memberships.orgId, orgId)));
  const token = newSecret("oa_");
  await server.database.db.insert(tables.apiTokens).values({
    orgId,
    userId: member.userId,
    name: opts.name ?? "test token",
    role: opts.role !== undefined ? opts.role : (m?.role ?? null),
    customRoleId: opts.customRoleId !== undefined ? opts.customRoleId : (m?.customRoleId ?? null),
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 10),
  });
  return token;
}

/** An API token for a member (with the member's role unless given), wrapped in a client. */
export async function clientFor(
  server: TestServer,
  member: { userId: string },
  orgId: string,
  opts: { role?: BuiltinRole | null; customRoleId?: string | null } = {},
): Promise<TestClient> {
  return new TestClient(server.app, { token: await mintApiToken(server, member, orgId, opts) });
}

/** A member of `orgId` (contributor unless given) with an API-token client of their own. */
export async function buildMemberClient(
  server: TestServer,
  orgId: string,
  opts: Parameters<typeof buildMember>[2] = {},
): Promise<BuiltMember & { client: TestClient }> {
  const member = await buildMember(server, orgId, opts);
  return { ...member, client: await clientFor(server, member, orgId) };
}

/**
 * The usual start of an HTTP test: an organization, its owner's client, the org's API prefix
 * (`/api/v1/orgs/{orgId}`) and `member(role)` adding a member of that role with a client of their own.
 */
export async function buildOrgWithClients(server: TestServer, opts: { name?: string } = {}) {
  const org = await buildOrg(server, opts);
  return {
    org,
    owner: await clientFor(server, org.owner, org.orgId),
    base: `/api/v1/orgs/${org.orgId}`,
    member: (role: BuiltinRole) => buildMemberClient(server, org.orgId, { role }),
  };
}
