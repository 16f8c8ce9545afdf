import { auditEventPolicy, authorize, type Actor, type VerifyResult } from "@openaims/core";
import { verifyAuditChain } from "@openaims/db";
import type { AppContext } from "../shared/context";

/** Recomputes the organization's hash chain from the start; see `verifyAuditChain`. */
export async function verifyAuditTrail(ctx: AppContext, actor: Actor): Promise<VerifyResult> {
  authorize(actor, auditEventPolicy, "verify", {});
  return verifyAuditChain(ctx.database.db, actor.orgId);
}
