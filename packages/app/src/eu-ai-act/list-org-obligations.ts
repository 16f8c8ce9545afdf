import { and, asc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  aiSystemPolicy,
  authorize,
  OrgObligationQuery,
  utcDay,
  type Actor,
  type OrgObligationList,
  type OrgObligationQueryInput,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { obligationLinksOf } from "./obligation-links";
import { presentObligation } from "./system-classification-records";

const { aiSystemObligations: o, aiSystems, users } = tables;

/**
 * Tracked obligations across the organization's live (not archived) AI systems, by the date they apply from:
 * the org-wide "what applies when". Counts cover every matching row; `limit` bounds the rows returned. The SQL
 * for pending/overdue mirrors core `obligationIsPending` / `obligationIsOverdue` (due date = the earlier of
 * `due_date` and `applies_from`). `ai_system.read`.
 */
export async function listOrgObligations(
  ctx: AppContext,
  actor: Actor,
  input: OrgObligationQueryInput,
): Promise<OrgObligationList> {
  authorize(actor, aiSystemPolicy, "read", { archivedAt: null });
  const q = parseInput(OrgObligationQuery, input);
  const now = ctx.now();
  const today = utcDay(now);
  const due = sql`least(coalesce(${o.dueDate}, ${o.appliesFrom}), ${o.appliesFrom})`;
  const pending = sql`(${o.applicable} and ${o.status} in ('open', 'in_progress'))`;
  const overdue = sql`(${pending} and ${due} < ${today}::date)`;
  const conds: SQL[] = [eq(o.orgId, actor.orgId), isNull(aiSystems.archivedAt)];
  if (q.status) conds.push(eq(o.status, q.status));
  if (q.systemId) conds.push(eq(o.aiSystemId, q.systemId));
  if (q.appliesBefore) conds.push(lt(o.appliesFrom, q.appliesBefore));
  if (q.overdue === "true") conds.push(overdue);
  if (q.overdue === "false") conds.push(sql`not ${overdue}`);
  const where = and(...conds);
  const join = and(eq(aiSystems.orgId, o.orgId), eq(aiSystems.id, o.aiSystemId));

  const db = ctx.database.db;
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (where ${pending}))::int`,
      overdue: sql<number>`(count(*) filter (where ${overdue}))::int`,
      met: sql<number>`(count(*) filter (where ${o.applicable} and ${o.status} = 'met'))::int`,
    })
    .from(o)
    .innerJoin(aiSystems, join)
    .where(where);
  const rows = await db
    .select({ row: o, systemName: aiSystems.name, ownerName: users.name })
    .from(o)
    .innerJoin(aiSystems, join)
    .leftJoin(users, eq(users.id, o.ownerId))
    .where(where)
    .orderBy(asc(o.appliesFrom), asc(aiSystems.name), asc(o.article), asc(o.role), asc(o.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const links = await obligationLinksOf(
    db,
    actor.orgId,
    page.map((r) => r.row.id),
  );
  // the listed systems are live, so editing is the policy's `update` alone (as in the system's own tab)
  const canUpdate = abilitiesOf(actor, aiSystemPolicy, { archivedAt: null }).update;
  return {
    items: page.map((r) => ({
      ...presentObligation(r.row, r.ownerName, canUpdate, links.get(r.row.id) ?? [], now),
      aiSystemName: r.systemName,
    })),
    truncated: rows.length > q.limit,
    counts: counts ?? { total: 0, pending: 0, overdue: 0, met: 0 },
    today,
  };
}
