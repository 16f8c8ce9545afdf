import {
  and,
  asc,
  count,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import {
  abilitiesOf,
  appliedControlPolicy,
  AppliedControlListQuery,
  authorize,
  frameworkNodeRef,
  parseFrameworkNodeRef,
  type Actor,
  type AppliedControlPage,
  type LinkTarget,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { labelLinks } from "../shared/links";
import { presentAppliedControl } from "./applied-control-records";

const ac = tables.appliedControls;
const l = tables.recordLinks;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Applied controls by name (case-insensitive), keyset-paged; filters: text, category, additional, node. */
export async function listAppliedControls(
  ctx: AppContext,
  actor: Actor,
  input: AppliedControlListQuery = {},
): Promise<AppliedControlPage> {
  authorize(actor, appliedControlPolicy, "read", { archivedAt: null });
  const q = parseInput(AppliedControlListQuery, input);
  const { db } = ctx.database;
  const filters: (SQL | undefined)[] = [eq(ac.orgId, actor.orgId)];
  if (q.archived === "false") filters.push(isNull(ac.archivedAt));
  if (q.archived === "true") filters.push(isNotNull(ac.archivedAt));
  if (q.category) filters.push(eq(ac.category, q.category));
  if (q.additional) filters.push(eq(ac.additional, q.additional === "true"));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    filters.push(or(ilike(ac.name, pattern), ilike(ac.description, pattern)));
  }
  if (q.node) {
    const { frameworkId, nodeId } = parseFrameworkNodeRef(q.node);
    filters.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(l)
          .where(
            and(
              eq(l.orgId, ac.orgId),
              eq(l.sourceType, "applied_control"),
              eq(l.sourceId, sql`${ac.id}::text`),
              eq(l.targetType, "framework_node"),
              eq(l.targetId, frameworkNodeRef(frameworkId, nodeId)),
            ),
          ),
      ),
    );
  }
  const where = and(...filters);
  const after = decodeCursor(q.cursor, 2);
  const nameKey = sql`lower(${ac.name})`;
  const keyset = after
    ? or(gt(nameKey, String(after[0])), and(eq(nameKey, String(after[0])), gt(ac.id, String(after[1]))))
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: ac, ownerName: tables.users.name, nameKey: sql<string>`lower(${ac.name})` })
      .from(ac)
      .leftJoin(tables.users, eq(tables.users.id, ac.ownerId))
      .where(and(where, keyset))
      .orderBy(asc(nameKey), asc(ac.id))
      .limit(q.limit + 1),
    db.select({ n: count() }).from(ac).where(where),
  ]);
  const page = rows.slice(0, q.limit);
  // every page's links in one query
  const ids = page.map((r) => r.row.id);
  const linkRows = ids.length
    ? await db
        .select({ sourceId: l.sourceId, type: l.targetType, id: l.targetId })
        .from(l)
        .where(and(eq(l.orgId, actor.orgId), eq(l.sourceType, "applied_control"), inArray(l.sourceId, ids)))
        .orderBy(l.targetType, l.targetId)
    : [];
  const labelled = await labelLinks(
    db,
    actor.orgId,
    linkRows.map((r) => ({ type: r.type, id: r.id }) as LinkTarget),
  );
  const linksBySource = new Map<string, typeof labelled>();
  linkRows.forEach((r, i) =>
    linksBySource.set(r.sourceId, [...(linksBySource.get(r.sourceId) ?? []), labelled[i]!]),
  );
  const live = abilitiesOf(actor, appliedControlPolicy, { archivedAt: null });
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      presentAppliedControl(actor, r.row, r.ownerName, linksBySource.get(r.row.id) ?? []),
    ),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.nameKey, last.row.id]) : null,
    total: total?.n ?? 0,
    abilities: live,
  };
}
