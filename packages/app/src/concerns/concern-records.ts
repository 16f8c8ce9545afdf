import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  abilitiesOf,
  allows,
  concernPolicy,
  notFound,
  type Actor,
  type ConcernCategory,
  type ConcernStatus,
  type ConcernView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { createdKeyOf } from "../shared/created-keyset-list";

const { concerns, aiSystems, users } = tables;
export type ConcernRow = typeof concerns.$inferSelect;
const reporters = alias(users, "reporters");

export interface ConcernRecord {
  row: ConcernRow;
  aiSystemName: string | null;
  reporterName: string | null;
}

/** created_at as text with its microseconds: the list's keyset cursor must not lose precision */
const createdKey = createdKeyOf(concerns.createdAt);

export const concernRecordColumns = {
  row: concerns,
  aiSystemName: aiSystems.name,
  reporterName: reporters.name,
  createdKey,
};

/** The concern with the names its view shows, joined in one query. */
export function selectConcernRecords(db: Executor) {
  return db
    .select(concernRecordColumns)
    .from(concerns)
    .leftJoin(aiSystems, eq(aiSystems.id, concerns.aiSystemId))
    .leftJoin(reporters, eq(reporters.id, concerns.reporterId));
}

/**
 * A concern the actor may read; anything else — another org's, someone else's without `concern.manage`, an
 * anonymous one — is "not found", so nobody learns that a concern exists.
 */
export async function findReadableConcern(db: Executor, actor: Actor, id: string): Promise<ConcernRecord> {
  const [found] = await selectConcernRecords(db).where(
    and(eq(concerns.orgId, actor.orgId), eq(concerns.id, id)),
  );
  if (!found || !allows(actor, concernPolicy, "read", found.row)) throw notFound("Concern");
  return found;
}

export function presentConcern(actor: Actor, r: ConcernRecord): ConcernView {
  const { row } = r;
  return {
    id: row.id,
    orgId: row.orgId,
    subject: row.subject,
    description: row.description,
    category: row.category as ConcernCategory,
    aiSystemId: row.aiSystemId,
    aiSystemName: row.aiSystemId ? r.aiSystemName : null,
    anonymous: row.anonymous,
    reporterId: row.reporterId,
    reporterName: row.reporterId ? r.reporterName : null,
    status: row.status as ConcernStatus,
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesOf(actor, concernPolicy, row),
  };
}
