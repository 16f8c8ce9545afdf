import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  abilitiesOf,
  assessSeriousIncident,
  authorize,
  computeDeadlines,
  currentEuAiActRules,
  daysLeft,
  emptySeriousIncidentAnswers,
  incidentPolicy,
  notFound,
  type Actor,
  type CommunicationRecipient,
  type IncidentCommunicationView,
  type IncidentDeadlineView,
  type IncidentFields,
  type IncidentHarmType,
  type IncidentOperatorRole,
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentView,
  type SeriousIncidentAnswers,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { createdKeyOf } from "../shared/created-keyset-list";

const { incidents, incidentCommunications, users, recordLinks, aiSystems } = tables;
export type IncidentRow = typeof incidents.$inferSelect;

export interface IncidentRecord {
  row: IncidentRow;
  reportedByName: string | null;
  createdKey: string;
}

/** created_at as text with its microseconds: the list's keyset cursor must not lose precision */
const createdKey = createdKeyOf(incidents.createdAt);

export function selectIncidentRecords(db: Executor) {
  return db
    .select({ row: incidents, reportedByName: users.name, createdKey })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.reportedBy));
}

/** An incident of the actor's org they may read; another org's is "not found". */
export async function findReadableIncident(db: Executor, actor: Actor, id: string): Promise<IncidentRecord> {
  const [found] = await selectIncidentRecords(db).where(
    and(eq(incidents.orgId, actor.orgId), eq(incidents.id, id)),
  );
  if (!found) throw notFound("Incident");
  authorize(actor, incidentPolicy, "read", { status: found.row.status as IncidentStatus });
  return found;
}

export const answersOf = (row: IncidentRow): SeriousIncidentAnswers => ({
  ...emptySeriousIncidentAnswers,
  ...(row.seriousAnswers as Partial<SeriousIncidentAnswers>),
});

export const fieldsOf = (row: IncidentRow): IncidentFields => ({
  title: row.title,
  description: row.description,
  occurredOn: row.occurredOn,
  becameAwareOn: row.becameAwareOn,
  severity: row.severity as IncidentSeverity,
  harmTypes: row.harmTypes as IncidentHarmType[],
  role: row.role as IncidentOperatorRole,
  answers: answersOf(row),
  resolution: row.resolution,
});

/** The AI systems linked to each incident, with their names. */
export async function systemsOf(
  db: Executor,
  orgId: string,
  incidentIds: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (incidentIds.length === 0) return out;
  const rows = await db
    .select({ incidentId: recordLinks.sourceId, id: aiSystems.id, name: aiSystems.name })
    .from(recordLinks)
    .innerJoin(
      aiSystems,
      and(eq(aiSystems.orgId, recordLinks.orgId), sql`${aiSystems.id}::text = ${recordLinks.targetId}`),
    )
    .where(
      and(
        eq(recordLinks.orgId, orgId),
        eq(recordLinks.sourceType, "incident"),
        eq(recordLinks.targetType, "ai_system"),
        inArray(recordLinks.sourceId, incidentIds),
      ),
    )
    .orderBy(asc(aiSystems.name));
  for (const r of rows) out.set(r.incidentId, [...(out.get(r.incidentId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** Which recipients each incident's log has reached, to mark clocks as met. */
export async function recipientsOf(
  db: Executor,
  orgId: string,
  incidentIds: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (incidentIds.length === 0) return out;
  const rows = await db
    .selectDistinct({
      incidentId: incidentCommunications.incidentId,
      recipient: incidentCommunications.recipient,
    })
    .from(incidentCommunications)
    .where(
      and(eq(incidentCommunications.orgId, orgId), inArray(incidentCommunications.incidentId, incidentIds)),
    );
  for (const r of rows) out.set(r.incidentId, (out.get(r.incidentId) ?? new Set()).add(r.recipient));
  return out;
}

export async function communicationsOf(
  db: Executor,
  orgId: string,
  incidentId: string,
): Promise<IncidentCommunicationView[]> {
  const rows = await db
    .select({ c: incidentCommunications, name: users.name })
    .from(incidentCommunications)
    .leftJoin(users, eq(users.id, incidentCommunications.loggedBy))
    .where(and(eq(incidentCommunications.orgId, orgId), eq(incidentCommunications.incidentId, incidentId)))
    .orderBy(asc(incidentCommunications.sentAt), asc(incidentCommunications.createdAt));
  return rows.map(({ c, name }) => ({
    id: c.id,
    recipient: c.recipient as CommunicationRecipient,
    recipientDetail: c.recipientDetail,
    sentAt: c.sentAt.toISOString(),
    summary: c.summary,
    loggedBy: c.loggedBy,
    loggedByName: c.loggedBy ? name : null,
    createdAt: c.createdAt.toISOString(),
  }));
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The clocks with days left from `now`. A clock counts as met once the log holds a communication to its
 * recipient (the provider for a deployer's notice, an authority for a provider's report).
 */
export function deadlinesOf(row: IncidentRow, now: Date, reached: Set<string>): IncidentDeadlineView[] {
  const today = utcDay(now);
  return computeDeadlines(
    { becameAwareOn: row.becameAwareOn, role: row.role as IncidentOperatorRole, answers: answersOf(row) },
    currentEuAiActRules,
  ).map((d) => ({
    ...d,
    daysLeft: daysLeft(d.dueAt, today),
    met: reached.has(d.kind === "deployer_inform_provider" ? "provider" : "authority"),
  }));
}

export function presentIncident(
  actor: Actor,
  r: Pick<IncidentRecord, "row" | "reportedByName">,
  now: Date,
  systems: { id: string; name: string }[],
  reached: Set<string>,
): IncidentView {
  const { row } = r;
  const answers = answersOf(row);
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    description: row.description,
    occurredOn: row.occurredOn,
    becameAwareOn: row.becameAwareOn,
    severity: row.severity as IncidentSeverity,
    harmTypes: row.harmTypes as IncidentHarmType[],
    role: row.role as IncidentOperatorRole,
    seriousIncident: answers,
    assessment: assessSeriousIncident(answers),
    status: row.status as IncidentStatus,
    resolution: row.resolution,
    aiSystems: systems,
    deadlines: deadlinesOf(row, now, reached),
    reportedBy: row.reportedBy,
    reportedByName: row.reportedBy ? r.reportedByName : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, incidentPolicy, { status: row.status as IncidentStatus }),
  };
}

/** One incident, fully presented (systems and clocks loaded). */
export async function presentOne(
  db: Executor,
  actor: Actor,
  r: IncidentRecord,
  now: Date,
): Promise<IncidentView> {
  const systems = (await systemsOf(db, actor.orgId, [r.row.id])).get(r.row.id) ?? [];
  const reached = (await recipientsOf(db, actor.orgId, [r.row.id])).get(r.row.id) ?? new Set<string>();
  return presentIncident(actor, r, now, systems, reached);
}
