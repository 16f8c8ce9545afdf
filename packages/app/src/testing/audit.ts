import assert from "node:assert/strict";
import { countAuditEvents, verifyAuditChain } from "@openaims/db";
import type { AppContext } from "../shared/context";

/**
 * Runs a write and asserts it appended at least one audit event to the organization's chain and that the chain
 * still verifies; returns what the write returned. `what` names the use case in a failure.
 */
export async function expectAuditEvent<T>(
  ctx: AppContext,
  orgId: string,
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  const before = await countAuditEvents(ctx.database.db, orgId);
  const result = await run();
  assert.ok((await countAuditEvents(ctx.database.db, orgId)) > before, `${what} wrote no audit event`);
  const verify = await verifyAuditChain(ctx.database.db, orgId);
  assert.equal(verify.ok, true, `${what}: ${verify.reason}`);
  return result;
}
