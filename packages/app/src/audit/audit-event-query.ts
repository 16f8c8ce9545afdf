import { and, desc, eq, gte, inArray, lt, lte, type SQL } from "drizzle-orm";
import { invalidInput, type AuditEventPage, type AuditEventView } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { decodeCursor, encodeCursor } from "../shared/cursor";

const { auditEvents, users } = tables;

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  type?: string;
  /** ISO date-times, both inclusive */
  from?: string;
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A page of an organization's trail, newest first, keyset on `seq` (the primary key starts with org_id; the
 * entity and actor filters have their own org-first indexes). Actor names come from one extra query.
 */
export async function selectAuditEventPage(
  db: Executor,
  orgId: string,
  filter: AuditEventFilter,
  limit: number,
  cursor: string | undefined,
): Promise<AuditEventPage> {
  const conds: SQL[] = [eq(auditEvents.orgId, orgId)];
  if (filter.entityType) conds.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conds.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.actorId) conds.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.type) conds.push(eq(auditEvents.type, filter.type));
  // occurred_at holds `toISOString()` text, which sorts like the instant it names
  if (filter.from) conds.push(gte(auditEvents.occurredAt, new Date(filter.from).toISOString()));
  if (filter.to) conds.push(lte(auditEvents.occurredAt, new Date(filter.to).toISOString()));
  const after = decodeCursor(cursor, 1);
  if (after) {
    const [seq] = after;
    if (!Number.isSafeInteger(seq) || (seq as number) < 1) {
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    }
    conds.push(lt(auditEvents.seq, seq as number));
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conds))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const actorIds = [
    ...new Set(page.map((r) => r.actorId).filter((id): id is string => !!id && UUID.test(id))),
  ];
  const names = new Map<string, string>();
  if (actorIds.length > 0) {
    const found = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, actorIds));
    for (const u of found) names.set(u.id, u.name);
  }
  const items: AuditEventView[] = page.map((r) => ({
    seq: r.seq,
    id: r.id,
    type: r.type,
    entityType: r.entityType,
    entityId: r.entityId,
    actorType: r.actorType,
    actorId: r.actorId,
    actorTokenId: r.actorTokenId,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    requestId: r.requestId,
    occurredAt: r.occurredAt,
    payload: JSON.parse(r.payload) as unknown,
    hash: r.hash,
    prevHash: r.prevHash,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
}
