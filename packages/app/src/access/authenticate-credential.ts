import { and, eq, gt, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor, BuiltinRole } from "@openaims/core";
import { prepareOnce, tables, type Db } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { hashSecret } from "../shared/tokens";
import { actorOf, TOUCH_EVERY_MS, type Identity } from "./authenticate";

/** The caller, and their actor in the organization asked for (null: not an active member there). */
export interface IdentityInOrg {
  identity: Identity;
  actor: Actor | null;
}

const { apiTokens, sessions, users, memberships, customRoles } = tables;
const memberRole = alias(customRoles, "member_role");
const tokenRole = alias(customRoles, "token_role");

// Both lookups fetch the credential, its user, the user's active membership in the org and the custom
// roles' permissions in one statement: an org-scoped request needs one round trip before its own query,
// and every rule is still checked against the rows as they are now (nothing is cached across requests).
const membershipFields = {
  membershipId: memberships.id,
  memberRole: memberships.role,
  memberCustomRoleId: memberships.customRoleId,
  memberPerms: memberRole.permissions,
};
const activeMembershipIn = (userId: typeof users.id) =>
  and(
    eq(memberships.userId, userId),
    eq(memberships.orgId, sql.placeholder("orgId")),
    eq(memberships.status, "active"),
  );
const liveRole = (role: { id: SQLWrapper; deletedAt: SQLWrapper }, id: SQLWrapper) =>
  and(sql`${role.id} = ${id}`, sql`${role.deletedAt} is null`);

const tokenQuery = (db: Db) =>
  prepareOnce(db, "openaims_token_in_org", (name) =>
    db
      .select({
        tokenId: apiTokens.id,
        tokenOrgId: apiTokens.orgId,
        tokenRole: apiTokens.role,
        tokenCustomRoleId: apiTokens.customRoleId,
        lastUsedAt: apiTokens.lastUsedAt,
        tokenPerms: tokenRole.permissions,
        userId: users.id,
        email: users.email,
        name: users.name,
        ...membershipFields,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(memberships, activeMembershipIn(users.id))
      .leftJoin(memberRole, liveRole(memberRole, memberships.customRoleId))
      .leftJoin(tokenRole, liveRole(tokenRole, apiTokens.customRoleId))
      .where(
        and(
          eq(apiTokens.tokenHash, sql.placeholder("hash")),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder("now"))),
          isNull(users.disabledAt),
        ),
      )
      .prepare(name),
  );

const sessionQuery = (db: Db) =>
  prepareOnce(db, "openaims_session_in_org", (name) =>
    db
      .select({
        sessionId: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        userId: users.id,
        email: users.email,
        name: users.name,
        isInstanceAdmin: users.isInstanceAdmin,
        ...membershipFields,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, activeMembershipIn(users.id))
      .leftJoin(memberRole, liveRole(memberRole, memberships.customRoleId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder("hash")),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql.placeholder("now")),
          gt(sessions.lastSeenAt, sql.placeholder("idleSince")),
          isNull(users.disabledAt),
        ),
      )
      .prepare(name),
  );

interface MembershipColumns {
  membershipId: string | null;
  memberRole: string | null;
  memberCustomRoleId: string | null;
  memberPerms: string[] | null;
}

function actorFromRow(
  identity: Identity,
  orgId: string | null,
  row: MembershipColumns,
  tokenPerms: string[] | null,
): Actor | null {
  if (orgId === null || row.membershipId === null) return null;
  if (identity.token && identity.token.orgId !== orgId) return null;
  const grant = { role: row.memberRole as BuiltinRole | null, customRoleId: row.memberCustomRoleId };
  return actorOf(identity, orgId, { id: row.membershipId, ...grant }, row.memberPerms, tokenPerms);
}

/**
 * The API token's identity and, when `orgId` is given, its actor there — in one query; null when the token is
 * not valid now. The validity rules (revoked, expired, disabled user) live only here.
 */
export async function authenticateApiTokenInOrg(
  ctx: AppContext,
  secret: string,
  orgId: string | null,
): Promise<IdentityInOrg | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const [row] = await tokenQuery(db).execute({
    hash: hashSecret(secret),
    orgId,
    now: now.toISOString(),
  });
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  const identity: Identity = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    isInstanceAdmin: false, // a token never carries instance-wide powers
    via: "token",
    sessionId: null,
    csrfToken: null,
    token: {
      id: row.tokenId,
      orgId: row.tokenOrgId,
      role: row.tokenRole as BuiltinRole | null,
      customRoleId: row.tokenCustomRoleId,
    },
  };
  return { identity, actor: actorFromRow(identity, orgId, row, row.tokenPerms) };
}

/**
 * The session's identity and, when `orgId` is given, its actor there — in one query; null when the session is
 * not valid now (revoked, idle or absolute expiry, disabled user). The validity rules live only here.
 */
export async function authenticateSessionInOrg(
  ctx: AppContext,
  secret: string,
  orgId: string | null,
): Promise<IdentityInOrg | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const [row] = await sessionQuery(db).execute({
    hash: hashSecret(secret),
    orgId,
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  const identity: Identity = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    isInstanceAdmin: row.isInstanceAdmin,
    via: "session",
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    token: null,
  };
  return { identity, actor: actorFromRow(identity, orgId, row, null) };
}

/** The signed-in person behind a session cookie, or null. */
export async function authenticateSession(ctx: AppContext, secret: string): Promise<Identity | null> {
  return (await authenticateSessionInOrg(ctx, secret, null))?.identity ?? null;
}

/** The identity behind an API token, or null. */
export async function authenticateApiToken(ctx: AppContext, secret: string): Promise<Identity | null> {
  return (await authenticateApiTokenInOrg(ctx, secret, null))?.identity ?? null;
}
