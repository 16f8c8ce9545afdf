import { and, asc, count, eq, gt, ilike, or, type SQL } from "drizzle-orm";
import {
  authorize,
  memberPolicy,
  type Actor,
  type MemberListQuery,
  type MembershipView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { encodeCursor } from "../shared/cursor";
import { memberQuery, presentMember } from "./member-view";
import { containsPattern, decodeKeyset } from "./view-helpers";

export interface MemberPage {
  items: MembershipView[];
  nextCursor: string | null;
  total: number;
}

/** Members by e-mail (unique, so the keyset is stable), filtered by text and status. */
export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  query: MemberListQuery,
): Promise<MemberPage> {
  authorize(actor, memberPolicy, "read", { userId: actor.userId, role: actor.role, status: "active" });
  const { db } = ctx.database;
  const filters: SQL[] = [eq(tables.memberships.orgId, actor.orgId)];
  if (query.status) filters.push(eq(tables.memberships.status, query.status));
  if (query.q) {
    const p = containsPattern(query.q);
    filters.push(or(ilike(tables.users.email, p), ilike(tables.users.name, p))!);
  }
  const after = decodeKeyset(query.cursor, ["text", "uuid"]);
  const page = after
    ? [
        ...filters,
        or(
          gt(tables.users.email, after[0]!),
          and(eq(tables.users.email, after[0]!), gt(tables.memberships.id, after[1]!)),
        )!,
      ]
    : filters;
  const rows = await memberQuery(db)
    .where(and(...page))
    .orderBy(asc(tables.users.email), asc(tables.memberships.id))
    .limit(query.limit + 1);
  const [total] = await db
    .select({ n: count() })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(and(...filters));
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => presentMember(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.email, last.m.id]) : null,
    total: total?.n ?? 0,
  };
}
