import assert from "node:assert/strict";
import { asc, eq } from "drizzle-orm";
import { tables, verifyAuditChain } from "@openaims/db";
import type { TestServer } from "./test-server";

/** The audit events of one org, oldest first. */
export async function auditEventsOf(server: TestServer, orgId: string) {
  const rows = await server.database.db
    .select()
    .from(tables.auditEvents)
    .where(eq(tables.auditEvents.orgId, orgId))
    .orderBy(asc(tables.auditEvents.seq));
  // payload is stored as the exact canonical JSON text that was hashed
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}

/** Asserts the org's chain verifies and returns its event types in order. */
export async function assertChainIntact(server: TestServer, orgId: string): Promise<string[]> {
  const result = await verifyAuditChain(server.database.db, orgId);
  assert.equal(result.ok, true, JSON.stringify(result));
  return (await auditEventsOf(server, orgId)).map((e) => e.type);
}
