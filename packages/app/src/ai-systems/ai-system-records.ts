import { and, eq, getTableColumns, sql } from "drizzle-orm";
import {
  abilitiesOf,
  aiSystemPolicy,
  describeIssues,
  invalidInput,
  notFound,
  type Actor,
  type AiSystemState,
  type AiSystemView,
  type AiType,
  type AiRole,
  type LifecycleStage,
} from "@openaims/core";
import { alias } from "drizzle-orm/pg-core";
import { prepareOnce, tables, type Executor } from "@openaims/db";
import type { RecordAlong } from "../access/authenticate-credential";
import type { z } from "zod";

const { aiSystems, users, memberships } = tables;
const { searchText: _searchText, ...columns } = getTableColumns(aiSystems);
/** Every column but the generated search text, which is large, derived, and cannot be written. */
export const aiSystemColumns = columns;
export type AiSystemRow = Omit<typeof aiSystems.$inferSelect, "searchText">;

/** The row as the pure decide functions in core see it. */
export function toAiSystemState(row: AiSystemRow): AiSystemState {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    purpose: row.purpose,
    description: row.description,
    ownerId: row.ownerId,
    businessUnit: row.businessUnit,
    lifecycleStage: row.lifecycleStage as LifecycleStage,
    aiType: row.aiType as AiType,
    aiRoles: row.aiRoles as AiRole[],
    deploymentContext: row.deploymentContext,
    geographies: row.geographies,
    affectedStakeholders: row.affectedStakeholders,
    humanOversight: row.humanOversight,
    tags: row.tags,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Written out field by field: lists present hundreds of rows per request, and spreads cost there. */
export function presentAiSystem(
  actor: Actor,
  row: AiSystemRow,
  ownerName: string | null,
  abilities = abilitiesOf(actor, aiSystemPolicy, { archivedAt: row.archivedAt }),
): AiSystemView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    purpose: row.purpose,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    businessUnit: row.businessUnit,
    lifecycleStage: row.lifecycleStage as LifecycleStage,
    aiType: row.aiType as AiType,
    aiRoles: row.aiRoles as AiRole[],
    deploymentContext: row.deploymentContext,
    geographies: row.geographies,
    affectedStakeholders: row.affectedStakeholders,
    humanOversight: row.humanOversight,
    tags: row.tags,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

/** Loads and row-locks a system of the actor's org for a write; another org's id is a 404. */
export async function lockAiSystem(tx: Executor, orgId: string, id: string): Promise<AiSystemRow> {
  const [row] = await tx
    .select(aiSystemColumns)
    .from(aiSystems)
    .where(and(eq(aiSystems.orgId, orgId), eq(aiSystems.id, id)))
    .for("update");
  if (!row) throw notFound("AI system");
  return row;
}

const findQuery = (db: Executor) =>
  prepareOnce(db, "openaims_ai_system_by_id", (name) =>
    db
      .select({ row: aiSystemColumns, ownerName: users.name })
      .from(aiSystems)
      .leftJoin(users, eq(users.id, aiSystems.ownerId))
      .where(and(eq(aiSystems.orgId, sql.placeholder("orgId")), eq(aiSystems.id, sql.placeholder("id"))))
      .prepare(name),
  );

/** A system as read for its detail: the row and its owner's name. */
export interface FoundAiSystem {
  row: AiSystemRow;
  ownerName: string | null;
}

/** The system `id` of the org, or null when there is none there. */
export async function findAiSystemOrNull(
  db: Executor,
  orgId: string,
  id: string,
): Promise<FoundAiSystem | null> {
  const [found] = await findQuery(db).execute({ orgId, id });
  return found ?? null;
}

export async function findAiSystem(db: Executor, orgId: string, id: string): Promise<FoundAiSystem> {
  const found = await findAiSystemOrNull(db, orgId, id);
  if (!found) throw notFound("AI system");
  return found;
}

const owner = alias(users, "ai_system_owner");

/**
 * The same system read in the statement that resolves the caller's credential (one round trip for the
 * detail): the columns of `findQuery`, scoped by the org asked for in SQL like it.
 */
export const aiSystemAlong = (id: string): RecordAlong<FoundAiSystem | null> => ({
  name: "ai_system",
  fields: { aiSystem: aiSystemColumns, aiSystemOwnerName: owner.name },
  join: (query) =>
    query
      .leftJoin(
        aiSystems,
        and(eq(aiSystems.orgId, sql.placeholder("orgId")), eq(aiSystems.id, sql.placeholder("aiSystemId"))),
      )
      .leftJoin(owner, eq(owner.id, aiSystems.ownerId)),
  params: { aiSystemId: id },
  read: (row) =>
    row.aiSystem
      ? { row: row.aiSystem as AiSystemRow, ownerName: row.aiSystemOwnerName as string | null }
      : null,
  alone: (db, orgId) => findAiSystemOrNull(db, orgId, id),
});

/** An owner must be an active member of the same organization; returns their name for the view. */
export async function activeOwnerName(db: Executor, orgId: string, userId: string): Promise<string> {
  const [m] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), eq(memberships.status, "active")),
    );
  if (!m) {
    throw invalidInput("ownerId: must be an active member of this organization.", {
      issues: [{ path: "ownerId", message: "must be the user id of an active member of this organization" }],
    });
  }
  return m.name;
}

/** Validates input for callers that bypass HTTP (CLI, tests) with the same schema and messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw invalidInput(`${issues[0]?.path}: ${issues[0]?.message}`, { issues });
}
