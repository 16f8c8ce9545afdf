import { and, eq, gt, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import { alias, type PgSelect, type SelectedFields } from "drizzle-orm/pg-core";
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

const tokenFields = {
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
};
const sessionFields = {
  sessionId: sessions.id,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
  userId: users.id,
  email: users.email,
  name: users.name,
  isInstanceAdmin: users.isInstanceAdmin,
  ...membershipFields,
};

// The validity rules of each credential are these WHERE clauses and the touch below, nowhere else; a record
// read along (`RecordAlong`) only adds columns and left joins to the same statement.
const tokenLookup = <A extends SelectedFields>(db: Db, along: A, join: RecordAlong<unknown>["join"]) => {
  const query = db
    .select({ ...along, ...tokenFields })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(memberships, activeMembershipIn(users.id))
    .leftJoin(memberRole, liveRole(memberRole, memberships.customRoleId))
    .leftJoin(tokenRole, liveRole(tokenRole, apiTokens.customRoleId))
    .$dynamic();
  join(query); // the record's left joins; the validity rules are applied after, so nothing can replace them
  return query.where(
    and(
      eq(apiTokens.tokenHash, sql.placeholder("hash")),
      isNull(apiTokens.revokedAt),
      or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder("now"))),
      isNull(users.disabledAt),
    ),
  );
};

const sessionLookup = <A extends SelectedFields>(db: Db, along: A, join: RecordAlong<unknown>["join"]) => {
  const query = db
    .select({ ...along, ...sessionFields })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, activeMembershipIn(users.id))
    .leftJoin(memberRole, liveRole(memberRole, memberships.customRoleId))
    .$dynamic();
  join(query); // the record's left joins; the validity rules are applied after, so nothing can replace them
  return query.where(
    and(
      eq(sessions.tokenHash, sql.placeholder("hash")),
      isNull(sessions.revokedAt),
      gt(sessions.expiresAt, sql.placeholder("now")),
      gt(sessions.lastSeenAt, sql.placeholder("idleSince")),
      isNull(users.disabledAt),
    ),
  );
};

/**
 * A record of the organization read in the same statement as the caller's credential, so an org-scoped read
 * is one round trip. It only adds `fields` (a clash with the credential's names loses) and the left joins
 * that bring them (`join`: at most one row each, with placeholders `orgId` and the keys of `params`); the
 * validity rules are applied after the joins, so it cannot change which credentials are valid. `read` picks the record from the row (null: not found); `alone` reads it on its own
 * once the actor is known another way. The caller still authorizes: the record is read before the actor is.
 */
export interface RecordAlong<T> {
  /** a short key for the prepared statements' names; one key, one SQL text */
  name: string;
  fields: SelectedFields;
  /** adds the record's left joins to the lookup (in place, as Drizzle's join methods do) */
  join: (query: PgSelect) => unknown;
  params: Record<string, unknown>;
  read: (row: Record<string, unknown>) => T;
  alone: (db: Db, orgId: string) => Promise<T>;
}

/** What is carried: a session cookie or an API token, with its secret. */
export interface Credential {
  via: "token" | "session";
  secret: string;
}

const NO_RECORD: RecordAlong<null> = {
  name: "",
  fields: {},
  join: (query) => query,
  params: {},
  read: () => null,
  alone: async () => null,
};

type Found<T> = IdentityInOrg & { record: T };
type Row = Record<string, unknown>;
type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenLookup<SelectedFields>>["execute"]>>[number];
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionLookup<SelectedFields>>["execute"]>>[number];

/** The lookup's statement with the record's columns and joins, prepared once per process as `base__name`. */
const statement = <
  L extends ReturnType<typeof tokenLookup<SelectedFields>> | ReturnType<typeof sessionLookup<SelectedFields>>,
>(
  db: Db,
  base: string,
  along: RecordAlong<unknown>,
  lookup: (db: Db, fields: SelectedFields, join: RecordAlong<unknown>["join"]) => L,
) =>
  prepareOnce(db, along.name ? `${base}__${along.name}` : base, (name) =>
    lookup(db, along.fields, along.join).prepare(name),
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

async function tokenInOrg<T>(
  ctx: AppContext,
  secret: string,
  orgId: string | null,
  along: RecordAlong<T>,
): Promise<Found<T> | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const query = statement(db, "openaims_token_in_org", along, tokenLookup);
  const [found] = await query.execute({
    ...along.params,
    hash: hashSecret(secret),
    orgId,
    now: now.toISOString(),
  });
  if (!found) return null;
  const row = found as Row & TokenRow;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await touchOnce(db, apiTokens, "last_used_at", row.tokenId, now);
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
  return { identity, actor: actorFromRow(identity, orgId, row, row.tokenPerms), record: along.read(row) };
}
/**
 * Records a credential's activity (`last used`, `last seen`) at most once a minute. When the minute runs out,
 * every request then in flight with that credential finds it stale; each plain UPDATE of the one row would wait
 * for the one before it to commit — a convoy of commits that stalled requests by 100–500 ms under load (bench,
 * paced runs). Here the row is taken only if no one else holds it (`skip locked`) and only while it is still
 * stale, so one request records the time and the others go on at once.
 */
async function touchOnce(
  db: Db,
  table: typeof apiTokens | typeof sessions,
  column: "last_used_at" | "last_seen_at",
  id: string,
  now: Date,
): Promise<void> {
  const col = sql.identifier(column);
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
  await db.execute(sql`update ${table} set ${col} = ${now.toISOString()}::timestamptz
    where id = (select id from ${table} where id = ${id} and (${col} is null or ${col} < ${staleBefore}::timestamptz)
    for update skip locked)`);
}

async function sessionInOrg<T>(
  ctx: AppContext,
  secret: string,
  orgId: string | null,
  along: RecordAlong<T>,
): Promise<Found<T> | null> {
  const { db } = ctx.database;
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - ctx.settings.sessionIdleMinutes * 60_000);
  const query = statement(db, "openaims_session_in_org", along, sessionLookup);
  const [found] = await query.execute({
    ...along.params,
    hash: hashSecret(secret),
    orgId,
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  if (!found) return null;
  const row = found as Row & SessionRow;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchOnce(db, sessions, "last_seen_at", row.sessionId, now);
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
  return { identity, actor: actorFromRow(identity, orgId, row, null), record: along.read(row) };
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
  return tokenInOrg(ctx, secret, orgId, NO_RECORD);
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
  return sessionInOrg(ctx, secret, orgId, NO_RECORD);
}

/**
 * The credential's identity, its actor in `orgId` and a record of that org, in one statement: the same
 * lookup, rules and activity touch as `authenticateApiTokenInOrg` / `authenticateSessionInOrg`, with the
 * record's columns alongside. Null when the credential is not valid now.
 */
export async function authenticateInOrgWith<T>(
  ctx: AppContext,
  credential: Credential,
  orgId: string,
  along: RecordAlong<T>,
): Promise<Found<T> | null> {
  return credential.via === "token"
    ? tokenInOrg(ctx, credential.secret, orgId, along)
    : sessionInOrg(ctx, credential.secret, orgId, along);
}

/** The signed-in person behind a session cookie, or null. */
export async function authenticateSession(ctx: AppContext, secret: string): Promise<Identity | null> {
  return (await authenticateSessionInOrg(ctx, secret, null))?.identity ?? null;
}

/** The identity behind an API token, or null. */
export async function authenticateApiToken(ctx: AppContext, secret: string): Promise<Identity | null> {
  return (await authenticateApiTokenInOrg(ctx, secret, null))?.identity ?? null;
}
