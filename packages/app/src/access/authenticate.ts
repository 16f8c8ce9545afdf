import { and, eq, isNull } from "drizzle-orm";
import { notFound, type Actor, type BuiltinRole } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
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
