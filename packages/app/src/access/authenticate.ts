import { and, eq, gt, isNull, or } from "drizzle-orm";
import { notFound, type Actor, type BuiltinRole } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { hashSecret } from "../shared/tokens";
import { permissionsOfGrant, type RoleGrant } from "./role-grant";

/** A signed-in person (session) or an API token, before an organization is chosen. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
  token: ({ id: string; orgId: string } & RoleGrant) | null;
}

/** Activity timestamps are written at most this often, so reads do not all turn into writes. */
export const TOUCH_EVERY_MS = 60_000;

export async function authenticateSession(ctx: AppContext, secret: string): Promise<Identity | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const [row] = await db
    .select({ s: tables.sessions, u: tables.users })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(
      and(
        eq(tables.sessions.tokenHash, hashSecret(secret)),
        isNull(tables.sessions.revokedAt),
        gt(tables.sessions.expiresAt, now),
        gt(tables.sessions.lastSeenAt, idleSince),
        isNull(tables.users.disabledAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(tables.sessions).set({ lastSeenAt: now }).where(eq(tables.sessions.id, row.s.id));
  }
  return {
    userId: row.u.id,
    email: row.u.email,
    name: row.u.name,
    isInstanceAdmin: row.u.isInstanceAdmin,
    via: "session",
    sessionId: row.s.id,
    csrfToken: row.s.csrfToken,
    token: null,
  };
}

export async function authenticateApiToken(ctx: AppContext, secret: string): Promise<Identity | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const [row] = await db
    .select({ t: tables.apiTokens, u: tables.users })
    .from(tables.apiTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .where(
      and(
        eq(tables.apiTokens.tokenHash, hashSecret(secret)),
        isNull(tables.apiTokens.revokedAt),
        or(isNull(tables.apiTokens.expiresAt), gt(tables.apiTokens.expiresAt, now)),
        isNull(tables.users.disabledAt),
      ),
    );
  if (!row) return null;
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(tables.apiTokens).set({ lastUsedAt: now }).where(eq(tables.apiTokens.id, row.t.id));
  }
  return {
    userId: row.u.id,
    email: row.u.email,
    name: row.u.name,
    isInstanceAdmin: false, // a token never carries instance-wide powers
    via: "token",
    sessionId: null,
    csrfToken: null,
    token: {
      id: row.t.id,
      orgId: row.t.orgId,
      role: row.t.role as BuiltinRole | null,
      customRoleId: row.t.customRoleId,
    },
  };
}

/**
 * The actor for one organization. Not a member (or deactivated), or a token of another org: 404, so the
 * existence of an organization is not revealed. A token's power is its own role intersected with what its
 * owner may do now, so demoting a member also narrows their tokens.
 */
export async function actorInOrg(ctx: AppContext, identity: Identity, orgId: string): Promise<Actor> {
  if (identity.token && identity.token.orgId !== orgId) throw notFound("Organization");
  const { db } = ctx.database;
  const [row] = await db
    .select({ m: tables.memberships, perms: tables.customRoles.permissions })
    .from(tables.memberships)
    .leftJoin(
      tables.customRoles,
      and(eq(tables.customRoles.id, tables.memberships.customRoleId), isNull(tables.customRoles.deletedAt)),
    )
    .where(
      and(
        eq(tables.memberships.orgId, orgId),
        eq(tables.memberships.userId, identity.userId),
        eq(tables.memberships.status, "active"),
      ),
    );
  if (!row) throw notFound("Organization");
  let tokenPerms: string[] | null = null;
  if (identity.token?.customRoleId) {
    const [cr] = await db
      .select({ p: tables.customRoles.permissions })
      .from(tables.customRoles)
      .where(
        and(eq(tables.customRoles.id, identity.token.customRoleId), isNull(tables.customRoles.deletedAt)),
      );
    tokenPerms = cr?.p ?? [];
  }
  return actorOf(
    identity,
    orgId,
    { id: row.m.id, role: row.m.role as BuiltinRole | null, customRoleId: row.m.customRoleId },
    row.perms,
    tokenPerms,
  );
}

/**
 * The actor from an identity, its active membership in `orgId` and the permissions of the custom roles
 * involved (null when a grant has none, or the role is deleted). A token's power is its own role
 * intersected with what its owner may do now, so demoting a member also narrows their tokens.
 */
export function actorOf(
  identity: Identity,
  orgId: string,
  membership: { id: string } & RoleGrant,
  memberPerms: readonly string[] | null,
  tokenPerms: readonly string[] | null,
): Actor {
  let permissions = permissionsOfGrant(membership, memberPerms);
  let role = membership.role;
  let customRoleId = membership.customRoleId;
  if (identity.token) {
    const own = permissionsOfGrant(identity.token, tokenPerms);
    permissions = new Set([...permissions].filter((p) => own.has(p)));
    role = identity.token.role;
    customRoleId = identity.token.customRoleId;
  }
  return {
    kind: identity.via === "token" ? "token" : "user",
    userId: identity.userId,
    orgId,
    membershipId: membership.id,
    role,
    customRoleId,
    permissions,
    tokenId: identity.token?.id ?? null,
    isInstanceAdmin: identity.isInstanceAdmin,
  };
}
