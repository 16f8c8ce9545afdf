import { and, eq } from "drizzle-orm";
import {
  aiSystemPolicy,
  authorize,
  notFound,
  PageQuery,
  type Actor,
  type AuditEventPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { z } from "zod";
import type { AppContext } from "../shared/context";
import { selectAuditEventPage } from "../audit/audit-event-query";
import { parseInput } from "./ai-system-records";

/**
 * The audit events of one system, newest first. Whoever may read the system may read its own change log (the
 * diffs show only the system's fields); the organization-wide trail needs `audit_event.read`.
 */
export async function listAiSystemHistory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.input<typeof PageQuery>,
): Promise<AuditEventPage> {
  const { limit, cursor } = parseInput(PageQuery, input);
  const { db } = ctx.database;
  const [row] = await db
    .select({ archivedAt: tables.aiSystems.archivedAt })
    .from(tables.aiSystems)
    .where(and(eq(tables.aiSystems.orgId, actor.orgId), eq(tables.aiSystems.id, id)));
  if (!row) throw notFound("AI system");
  authorize(actor, aiSystemPolicy, "read", row);
  return selectAuditEventPage(db, actor.orgId, { entityType: "ai_system", entityId: id }, limit, cursor);
}
