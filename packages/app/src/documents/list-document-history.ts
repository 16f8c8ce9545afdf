import { authorize, documentPolicy, PageQuery, type Actor, type AuditEventPage } from "@openaims/core";
import type { z } from "zod";
import type { AppContext } from "../shared/context";
import { selectAuditEventPage } from "../audit/audit-event-query";
import { parseInput } from "../ai-systems/ai-system-records";
import { findDocument } from "./document-records";

/** A document's own audit events, newest first (who drafted, approved, published, reviewed — and when). */
export async function listDocumentHistory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.input<typeof PageQuery>,
): Promise<AuditEventPage> {
  authorize(actor, documentPolicy, "read", {});
  const { limit, cursor } = parseInput(PageQuery, input);
  const { db } = ctx.database;
  await findDocument(db, actor.orgId, id);
  return selectAuditEventPage(db, actor.orgId, { entityType: "document", entityId: id }, limit, cursor);
}
