import { and, asc, eq, isNull } from "drizzle-orm";
import {
  abilitiesOf,
  builtinRoleLabels,
  builtinRoles,
  checkRaci,
  notFound,
  raciPartyKey,
  raciPolicy,
  resolveFrameworkNode,
  type Actor,
  type RaciActivityView,
  type RaciAssignment,
  type RaciColumnView,
  type RaciLetter,
  type RaciMatrixView,
  type RaciPartyType,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const { raciActivities, raciAssignments, memberships, users, customRoles } = tables;
export type RaciActivityRow = typeof raciActivities.$inferSelect;
/** Members offered as columns; an org with more picks roles as columns instead. */
const MAX_MEMBER_CANDIDATES = 1000;

export async function findRaciActivity(
  db: Executor,
  orgId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<RaciActivityRow> {
  const q = db
    .select()
    .from(raciActivities)
    .where(and(eq(raciActivities.orgId, orgId), eq(raciActivities.id, id)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound("RACI activity");
  return row;
}

/** Everyone and every role that can be a column, by `type:key`, with a label and whether it is still active. */
export async function raciCandidates(db: Executor, orgId: string): Promise<Map<string, RaciColumnView>> {
  const [members, roles] = await Promise.all([
    db
      .select({
        userId: memberships.userId,
        status: memberships.status,
        name: users.name,
        email: users.email,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(asc(users.name), asc(users.id))
      .limit(MAX_MEMBER_CANDIDATES),
    db
      .select({ id: customRoles.id, name: customRoles.name, deletedAt: customRoles.deletedAt })
      .from(customRoles)
      .where(and(eq(customRoles.orgId, orgId), isNull(customRoles.deletedAt)))
      .orderBy(asc(customRoles.name)),
  ]);
  const out = new Map<string, RaciColumnView>();
  const add = (type: RaciPartyType, key: string, label: string, active: boolean) =>
    out.set(raciPartyKey({ type, key }), { type, key, label, active });
  for (const m of members) add("member", m.userId, m.name || m.email, m.status === "active");
  for (const r of builtinRoles) add("role", r, `${builtinRoleLabels[r]} (role)`, true);
  for (const r of roles) add("role", `custom:${r.id}`, `${r.name} (role)`, true);
  return out;
}

export function presentActivity(row: RaciActivityRow, assignments: RaciAssignment[]): RaciActivityView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    frameworkNode: row.frameworkNode
      ? (resolveFrameworkNode(row.frameworkNode) ?? { id: row.frameworkNode, label: row.frameworkNode })
      : null,
    position: row.position,
    assignments,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The whole matrix in three queries: activities, letters, and the members/roles that can be columns. */
export async function loadRaciMatrix(db: Executor, actor: Actor): Promise<RaciMatrixView> {
  const [activities, letters, candidates] = await Promise.all([
    db
      .select()
      .from(raciActivities)
      .where(eq(raciActivities.orgId, actor.orgId))
      .orderBy(asc(raciActivities.position), asc(raciActivities.createdAt), asc(raciActivities.id)),
    db
      .select({
        activityId: raciAssignments.activityId,
        type: raciAssignments.partyType,
        key: raciAssignments.partyKey,
        letter: raciAssignments.letter,
      })
      .from(raciAssignments)
      .where(eq(raciAssignments.orgId, actor.orgId))
      .orderBy(asc(raciAssignments.partyType), asc(raciAssignments.partyKey)),
    raciCandidates(db, actor.orgId),
  ]);
  const byActivity = new Map<string, RaciAssignment[]>();
  const used = new Map<string, RaciColumnView>();
  for (const l of letters) {
    const a: RaciAssignment = { type: l.type as RaciPartyType, key: l.key, letter: l.letter as RaciLetter };
    byActivity.set(l.activityId, [...(byActivity.get(l.activityId) ?? []), a]);
    const k = raciPartyKey(a);
    if (!used.has(k))
      used.set(k, candidates.get(k) ?? { type: a.type, key: a.key, label: a.key, active: false });
  }
  const views = activities.map((row) => presentActivity(row, byActivity.get(row.id) ?? []));
  const { issues, complete } = checkRaci(views);
  const columns = [...used.values()].sort((x, y) =>
    x.type === y.type ? x.label.localeCompare(y.label) : x.type === "member" ? -1 : 1,
  );
  return {
    activities: views,
    columns,
    candidates: [...candidates.values()],
    issues,
    complete,
    abilities: abilitiesOf(actor, raciPolicy, {}),
  };
}
