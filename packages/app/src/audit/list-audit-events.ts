import {
  AuditEventQuery,
  auditEventPolicy,
  authorize,
  type Actor,
  type AuditEventPage,
} from "@openaims/core";
import type { z } from "zod";
import type { AppContext } from "../shared/context";
import { parseInput } from "../ai-systems/ai-system-records";
import { selectAuditEventPage } from "./audit-event-query";

export async function listAuditEvents(
  ctx: AppContext,
  actor: Actor,
  input: z.input<typeof AuditEventQuery>,
): Promise<AuditEventPage> {
  authorize(actor, auditEventPolicy, "read", {});
  const { limit, cursor, ...filter } = parseInput(AuditEventQuery, input);
  return selectAuditEventPage(ctx.database.db, actor.orgId, filter, limit, cursor);
}
