import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import {
  chainInput,
  GENESIS_HASH,
  type AuditEventRecord,
  type PendingEvent,
  type VerifyResult,
} from "@openaims/core";
import type { Executor, Tx } from "./database";
import { auditEvents, auditHeads } from "./schema";

export interface EventStamp {
  actorType: "user" | "token" | "system";
  actorId: string | null;
  actorTokenId?: string | null;
  requestId: string | null;
  occurredAt: Date;
}

export const hashEvent = (event: Omit<AuditEventRecord, "hash">): string =>
  createHash("sha256").update(chainInput(event)).digest("hex");

/** Starts an organization's chain; called in the transaction that creates the organization. */
export async function startAuditChain(tx: Executor, orgId: string): Promise<void> {
  await tx.insert(auditHeads).values({ orgId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
}

const INSERT_BATCH = 500;

/**
 * Appends events to their organizations' chains inside the caller's transaction. The head row is locked
 * (`FOR UPDATE`) until commit, so concurrent writers — in this process or another — queue on it: the chain
 * never forks and no sequence number is skipped or reused.
 */
export async function appendAuditEvents(
  tx: Tx,
  defaultOrgId: string | null,
  stamp: EventStamp,
  events: readonly PendingEvent[],
): Promise<AuditEventRecord[]> {
  const byOrg = new Map<string, PendingEvent[]>();
  for (const e of events) {
    const orgId = e.orgId ?? defaultOrgId;
    if (!orgId) throw new Error(`audit event ${e.type} has no organization`);
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), e]);
  }
  const written: AuditEventRecord[] = [];
  // A fixed lock order keeps two multi-org writers from deadlocking.
  for (const orgId of [...byOrg.keys()].sort()) {
    const [head] = await tx
      .select({ seq: auditHeads.seq, hash: auditHeads.hash })
      .from(auditHeads)
      .where(eq(auditHeads.orgId, orgId))
      .for("update");
    if (!head) throw new Error(`organization ${orgId} has no audit chain`);
    let { seq, hash } = head;
    const rows: AuditEventRecord[] = [];
    for (const e of byOrg.get(orgId)!) {
      seq += 1;
      const body: Omit<AuditEventRecord, "hash"> = {
        orgId,
        seq,
        id: randomUUID(),
        type: e.type,
        entityType: e.entityType,
        entityId: e.entityId,
        actorType: stamp.actorType,
        actorId: stamp.actorId,
        actorTokenId: stamp.actorTokenId ?? null,
        requestId: stamp.requestId,
        occurredAt: stamp.occurredAt.toISOString(),
        payload: e.payload,
        prevHash: hash,
      };
      hash = hashEvent(body);
      rows.push({ ...body, hash });
    }
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(auditEvents).values(rows.slice(i, i + INSERT_BATCH));
    }
    await tx.update(auditHeads).set({ seq, hash }).where(eq(auditHeads.orgId, orgId));
    written.push(...rows);
  }
  return written;
}

const VERIFY_BATCH = 5000;

/**
 * Recomputes the chain from the genesis hash. Detects an altered event (hash mismatch), a removed or reordered
 * event (sequence gap / prev-hash mismatch) and a truncated tail (head disagrees with the last event).
 */
export async function verifyAuditChain(db: Executor, orgId: string): Promise<VerifyResult> {
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.orgId, orgId));
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_BATCH);
    for (const row of batch) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBrokenSeq: row.seq,
        reason,
        headSeq,
        headHash,
      });
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: expectedSeq,
          reason: `event ${expectedSeq} is missing`,
          headSeq,
          headHash,
        };
      }
      if (row.prevHash !== prevHash) return broken("its previous-hash does not match the event before it");
      const { hash, ...body } = row;
      if (hashEvent(body as Omit<AuditEventRecord, "hash">) !== hash)
        return broken("its content does not match its hash");
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  if (checked !== headSeq || prevHash !== headHash) {
    return {
      ok: false,
      checked,
      firstBrokenSeq: checked + 1,
      reason: `the chain head says ${headSeq} events but ${checked} were found`,
      headSeq,
      headHash,
    };
  }
  return { ok: true, checked, headSeq, headHash };
}

/** Used by tests and the bench only: how many events an organization has. */
export async function countAuditEvents(db: Executor, orgId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId));
  return r?.n ?? 0;
}
