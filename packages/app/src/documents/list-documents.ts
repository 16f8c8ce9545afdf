import { and, asc, eq, gt, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  addDays,
  authorize,
  documentPolicy,
  DocumentListQuery,
  invalidInput,
  isoDate,
  REVIEW_DUE_SOON_DAYS,
  type Actor,
  type DocumentListQueryInput,
  type DocumentPage,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { escapeLike } from "../ai-systems/ai-system-query";
import { parseInput } from "../ai-systems/ai-system-records";
import { presentDocumentSummary } from "./document-records";

const { documents, users } = tables;
type Filter = Omit<DocumentListQuery, "limit" | "cursor">;

/** Every condition starts with the org; `review` compares the review date with today (UTC). */
export function documentConditions(orgId: string, f: Filter, today: string): SQL[] {
  const conds: SQL[] = [eq(documents.orgId, orgId)];
  if (f.kind) conds.push(eq(documents.kind, f.kind));
  if (f.status === "in_force") conds.push(isNotNull(documents.publishedVersion));
  else if (f.status) conds.push(eq(documents.status, f.status));
  if (f.ownerId) conds.push(eq(documents.ownerId, f.ownerId));
  if (f.templateKey) conds.push(eq(documents.templateKey, f.templateKey));
  if (f.q) conds.push(sql`lower(${documents.title}) like lower(${`%${escapeLike(f.q)}%`})`);
  if (f.review) {
    conds.push(isNotNull(documents.publishedVersion), isNull(documents.retiredAt));
    const soon = addDays(today, REVIEW_DUE_SOON_DAYS);
    if (f.review === "overdue") conds.push(lt(documents.nextReviewAt, today));
    if (f.review === "due_soon")
      conds.push(sql`${documents.nextReviewAt} >= ${today}`, lte(documents.nextReviewAt, soon));
    if (f.review === "ok") conds.push(gt(documents.nextReviewAt, soon));
  }
  return conds;
}

/** Documents by title (case-insensitive), keyset-paged on (lower(title), id); owners joined. */
export async function listDocuments(
  ctx: AppContext,
  actor: Actor,
  input: DocumentListQueryInput,
): Promise<DocumentPage> {
  authorize(actor, documentPolicy, "read", {});
  const { limit, cursor, ...filter } = parseInput(DocumentListQuery, input);
  const db: Executor = ctx.database.db;
  const today = isoDate(ctx.now());
  const conds = documentConditions(actor.orgId, filter, today);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
    .from(documents)
    .where(and(...conds))) as [{ total: number }];
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [key, id] = after;
    if (typeof key !== "string" || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(lower(${documents.title}), ${documents.id}) > (${key}, ${id}::uuid)`);
  }
  const rows = await db
    .select({ row: documents, ownerName: users.name, sortKey: sql<string>`lower(${documents.title})` })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.ownerId))
    .where(and(...conds))
    .orderBy(asc(sql`lower(${documents.title})`), asc(documents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentDocumentSummary(r.row, r.ownerName, today)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.row.id]) : null,
    total,
    abilities: { create: abilitiesOf(actor, documentPolicy, {}).create, read: true },
  };
}
