import { and, eq, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  apiTokenPolicy,
  can,
  notFound,
  type Actor,
  type ApiTokenView,
  type BuiltinRole,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { iso, isoOrNull, presentGrant } from "./view-helpers";

export type ApiTokenRow = {
  t: typeof tables.apiTokens.$inferSelect;
  userName: string;
  customName: string | null;
};

export function apiTokenQuery(db: Executor) {
  return db
    .select({ t: tables.apiTokens, userName: tables.users.name, customName: tables.customRoles.name })
    .from(tables.apiTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .leftJoin(tables.customRoles, eq(tables.customRoles.id, tables.apiTokens.customRoleId))
    .$dynamic();
}

/** The tokens an actor may see: their own, or everyone's with `api_token.manage`; others do not exist for them. */
export function visibleTokens(actor: Actor): SQL {
  return can(actor, "api_token.manage")
    ? eq(tables.apiTokens.orgId, actor.orgId)
    : and(eq(tables.apiTokens.orgId, actor.orgId), eq(tables.apiTokens.userId, actor.userId))!;
}

export async function loadApiToken(db: Executor, actor: Actor, id: string): Promise<ApiTokenRow> {
  const [row] = await apiTokenQuery(db).where(and(visibleTokens(actor), eq(tables.apiTokens.id, id)));
  if (!row) throw notFound("API token");
  return row;
}

export function presentApiToken(actor: Actor, row: ApiTokenRow): ApiTokenView {
  const { t } = row;
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    ...presentGrant({ role: t.role as BuiltinRole | null, customRoleId: t.customRoleId }, row.customName),
    userId: t.userId,
    userName: row.userName,
    lastUsedAt: isoOrNull(t.lastUsedAt),
    expiresAt: isoOrNull(t.expiresAt),
    revokedAt: isoOrNull(t.revokedAt),
    createdAt: iso(t.createdAt),
    abilities: abilitiesOf(actor, apiTokenPolicy, { userId: t.userId }),
  };
}
