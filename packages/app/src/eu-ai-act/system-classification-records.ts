import { and, asc, desc, eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiSystemPolicy,
  authorize,
  effectiveDueDate,
  obligationIsOverdue,
  utcDay,
  type Actor,
  type ClassificationAnswers,
  type ClassificationResult,
  type LinkView,
  type ObligationStatus,
  type SystemClassificationView,
  type SystemObligationView,
  type TrackedObligation,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { findAiSystem, toAiSystemState, type AiSystemRow } from "../ai-systems/ai-system-records";
import { obligationLinksOf } from "./obligation-links";

const { aiSystemClassifications: classifications, aiSystemObligations: obligations, users } = tables;
export type ObligationRow = typeof obligations.$inferSelect;

/** The system of the actor's org (another org's → 404), checked for `action` under the AI-system policy. */
export async function authorizedSystem(db: Executor, actor: Actor, id: string, action: "read" | "update") {
  const { row } = await findAiSystem(db, actor.orgId, id);
  authorize(actor, aiSystemPolicy, action, toAiSystemState(row));
  return row;
}

/** Classifying and editing obligations need `ai_system.update` on a system that is not archived. */
export const canClassify = (actor: Actor, row: AiSystemRow): boolean =>
  row.archivedAt === null && abilitiesOf(actor, aiSystemPolicy, toAiSystemState(row)).update;

export const HISTORY_LIMIT = 100;

/** The system's stored classifications, newest first (bounded). */
export async function classificationsOf(
  db: Executor,
  orgId: string,
  aiSystemId: string,
  limit = HISTORY_LIMIT,
): Promise<SystemClassificationView[]> {
  const rows = await db
    .select({ c: classifications, name: users.name })
    .from(classifications)
    .leftJoin(users, eq(users.id, classifications.createdBy))
    .where(and(eq(classifications.orgId, orgId), eq(classifications.aiSystemId, aiSystemId)))
    .orderBy(desc(classifications.number))
    .limit(limit);
  return rows.map(({ c, name }) => ({
    id: c.id,
    aiSystemId: c.aiSystemId,
    number: c.number,
    answers: c.answers as ClassificationAnswers,
    result: c.result as ClassificationResult,
    ruleDataId: c.ruleDataId,
    createdBy: c.createdBy,
    createdByName: c.createdBy ? name : null,
    createdAt: c.createdAt.toISOString(),
  }));
}

export const toTracked = (r: ObligationRow): TrackedObligation => ({
  rowId: r.id,
  obligationId: r.obligationId,
  role: r.role,
  article: r.article,
  title: r.title,
  appliesFrom: r.appliesFrom,
  basis: r.basis,
  status: r.status as ObligationStatus,
  applicable: r.applicable,
});

export function presentObligation(
  r: ObligationRow,
  ownerName: string | null,
  canUpdate: boolean,
  links: LinkView[],
  now: Date,
): SystemObligationView {
  const dueDate = effectiveDueDate(r.appliesFrom, r.dueDate);
  const status = r.status as ObligationStatus;
  return {
    id: r.id,
    aiSystemId: r.aiSystemId,
    obligationId: r.obligationId,
    role: r.role as SystemObligationView["role"],
    article: r.article,
    title: r.title,
    appliesFrom: r.appliesFrom,
    basis: r.basis,
    status,
    applicable: r.applicable,
    ownerId: r.ownerId,
    ownerName: r.ownerId ? ownerName : null,
    dueDate,
    dueDateSet: r.dueDate !== null && r.dueDate < r.appliesFrom,
    notes: r.notes,
    links,
    overdue: obligationIsOverdue(
      { appliesFrom: r.appliesFrom, dueDate, status, applicable: r.applicable },
      utcDay(now),
    ),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    abilities: { update: canUpdate },
  };
}

/** Every obligation row of a system with owner names, sorted by appliesFrom, article, role. */
export async function obligationsOf(
  db: Executor,
  actor: Actor,
  aiSystemId: string,
  canUpdate: boolean,
  now: Date,
) {
  const rows = await db
    .select({ o: obligations, ownerName: users.name })
    .from(obligations)
    .leftJoin(users, eq(users.id, obligations.ownerId))
    .where(and(eq(obligations.orgId, actor.orgId), eq(obligations.aiSystemId, aiSystemId)))
    .orderBy(asc(obligations.appliesFrom), asc(obligations.article), asc(obligations.role));
  const links = await obligationLinksOf(
    db,
    actor.orgId,
    rows.map(({ o }) => o.id),
  );
  return rows.map(({ o, ownerName }) =>
    presentObligation(o, ownerName, canUpdate, links.get(o.id) ?? [], now),
  );
}
