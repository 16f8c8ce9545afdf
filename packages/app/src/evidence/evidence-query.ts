import { and, desc, eq, isNotNull, isNull, like, lt, or, sql, type SQL } from "drizzle-orm";
import {
  EXPIRING_SOON_DAYS,
  frameworkNodeRef,
  invalidInput,
  parseFrameworkNodeRef,
  shiftDay,
  type EvidenceListQuery,
  type LinkTargetType,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { escapeLike } from "../ai-systems/ai-system-query";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { evidenceColumns, type EvidenceRow } from "./evidence-records";

const { evidence, recordLinks, users } = tables;
export type EvidenceFilter = Omit<EvidenceListQuery, "limit" | "cursor">;

/** `… linked to this record` as a semi-join on the generic links table (served by its unique key). */
function linkedTo(type: LinkTargetType, id: string): SQL {
  return sql`exists (select 1 from ${recordLinks} where ${recordLinks.orgId} = ${evidence.orgId}
    and ${recordLinks.sourceType} = 'evidence' and ${recordLinks.sourceId} = ${evidence.id}::text
    and ${recordLinks.targetType} = ${type} and ${recordLinks.targetId} = ${id})`;
}

/** Every condition starts with the org. `today` is the server's UTC date, which freshness is measured against. */
export function evidenceConditions(orgId: string, f: EvidenceFilter, today: string): SQL[] {
  const conds: SQL[] = [eq(evidence.orgId, orgId)];
  if (f.archived === "false") conds.push(isNull(evidence.archivedAt));
  if (f.archived === "true") conds.push(isNotNull(evidence.archivedAt));
  if (f.kind) conds.push(eq(evidence.kind, f.kind));
  const soon = shiftDay(today, EXPIRING_SOON_DAYS);
  if (f.freshness === "stale") conds.push(lt(evidence.validUntil, today));
  if (f.freshness === "expiring_soon")
    conds.push(sql`${evidence.validUntil} between ${today}::date and ${soon}::date`);
  if (f.freshness === "current")
    conds.push(or(isNull(evidence.validUntil), sql`${evidence.validUntil} > ${soon}::date`)!);
  if (f.q) conds.push(like(evidence.searchText, sql`lower(${`%${escapeLike(f.q)}%`})`));
  if (f.frameworkNode) {
    const { frameworkId, nodeId } = parseFrameworkNodeRef(f.frameworkNode);
    conds.push(linkedTo("framework_node", frameworkNodeRef(frameworkId, nodeId)));
  }
  if (f.aiSystemId) conds.push(linkedTo("ai_system", f.aiSystemId));
  if (f.appliedControlId) conds.push(linkedTo("applied_control", f.appliedControlId));
  if (f.documentId) conds.push(linkedTo("document", f.documentId));
  if (f.soaEntryId) conds.push(linkedTo("soa_entry", f.soaEntryId));
  return conds;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const createdText = sql<string>`to_char(${evidence.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One keyset page, newest first (created_at, id), with the total for the filter. */
export async function selectEvidencePage(
  db: Executor,
  orgId: string,
  filter: EvidenceFilter,
  today: string,
  limit: number,
  cursor: string | undefined,
): Promise<{
  rows: { row: EvidenceRow; createdByName: string | null }[];
  nextCursor: string | null;
  total: number;
}> {
  const conds = evidenceConditions(orgId, filter, today);
  const [{ n: total } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(evidence)
    .where(and(...conds));
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [key, id] = after;
    if (typeof key !== "string" || typeof id !== "string" || !ISO_UTC.test(key) || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(${evidence.createdAt}, ${evidence.id}) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ row: evidenceColumns, createdByName: users.name, sortKey: createdText })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(and(...conds))
    .orderBy(desc(evidence.createdAt), desc(evidence.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([last.sortKey, last.row.id]) : null;
  return { rows: page, nextCursor, total };
}
