import * as nodeCrypto from "node:crypto";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  canonicalJson,
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

/** SHA-256 as hex; the one-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as a Hash object for short input. */
export const sha256Hex: (input: string) => string =
  typeof nodeCrypto.hash === "function"
    ? (input) => nodeCrypto.hash("sha256", input, "hex")
    : (input) => nodeCrypto.createHash("sha256").update(input).digest("hex");

export const hashEvent = (event: Omit<AuditEventRecord, "hash">): string => sha256Hex(chainInput(event));

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
    const list = byOrg.get(orgId);
    if (list) list.push(e);
    else byOrg.set(orgId, [e]);
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
        payload: canonicalJson(e.payload),
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

const VERIFY_BATCH = 10_000;
const FETCH_WINDOW = 3;

const SEP = "\u001e"; // never inside a stored value: ids, ISO times and canonical JSON (which escapes it)
const NULL = "\u001f";
const ROW = "\u001d"; // between the events of one batch: escaped by canonical JSON too, never in an id or a time
const FIELDS = 13;

/**
 * One batch in sequence order as ONE text value: each event's thirteen fields joined in SQL, and the events
 * joined too. The driver then decodes a single value per batch instead of thirteen per event — most of the cost
 * of verifying a long chain — and splitting it is native string work. An event whose field contains one of the
 * separators splits wrongly and is reported (sequence or field count), never passed.
 */
async function fetchBatch(
  db: Executor,
  orgId: string,
  afterSeq: number,
  upTo: number | null,
  size: number,
): Promise<string[]> {
  const bound = upTo === null ? sql`` : sql` and seq <= ${upTo}`;
  const result = await db.execute(sql`
    select string_agg(r, chr(29) order by seq) as b from (
      select seq, concat_ws(chr(30), seq, id, type, entity_type, entity_id, actor_type, coalesce(actor_id, chr(31)),
        coalesce(actor_token_id, chr(31)), coalesce(request_id, chr(31)), occurred_at, prev_hash, hash, payload) as r
      from audit_events where org_id = ${orgId} and seq > ${afterSeq}${bound} order by seq limit ${size}) x`);
  const text = (result as unknown as { rows: { b: string | null }[] }).rows[0]?.b ?? null;
  return text === null ? [] : text.split(ROW);
}

const orNull = (v: string | undefined) => (v === NULL || v === undefined ? null : v);

/**
 * Recomputes the chain from the genesis hash. Detects an altered event (hash mismatch), a removed or reordered
 * event (sequence gap / prev-hash mismatch) and a truncated tail (head disagrees with the last event).
 * The next batches are fetched while the current one is hashed. `batchSize` (default 10,000 events) exists for
 * tests that cross batch boundaries with short chains.
 */
export async function verifyAuditChain(
  db: Executor,
  orgId: string,
  options: { batchSize?: number } = {},
): Promise<VerifyResult> {
  const size = options.batchSize ?? VERIFY_BATCH;
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.orgId, orgId));
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (seq: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    reason,
    headSeq,
    headHash,
  });
  // one object, refilled for each event: chainInput reads it and keeps nothing
  const body: Omit<AuditEventRecord, "hash"> = {
    orgId,
    seq: 0,
    id: "",
    type: "",
    entityType: "",
    entityId: "",
    actorType: "",
    actorId: null,
    actorTokenId: null,
    requestId: null,
    occurredAt: "",
    payload: "",
    prevHash,
  };
  // Sequence numbers are dense, so batches are known ranges: keep a few in flight (separate pool connections on
  // PostgreSQL) while hashing the oldest. A final open-ended fetch finds events beyond the head.
  const ranges: [number, number | null][] = [];
  for (let a = 0; a < headSeq; a += size) ranges.push([a, Math.min(a + size, headSeq)]);
  ranges.push([headSeq, null]);
  const inFlight: Promise<string[]>[] = [];
  let nextRange = 0;
  const refill = () => {
    while (inFlight.length < FETCH_WINDOW && nextRange < ranges.length) {
      const [after, upTo] = ranges[nextRange++]!;
      const p = fetchBatch(db, orgId, after, upTo, size);
      p.catch(() => undefined); // awaited in order below; avoid an unhandled rejection meanwhile
      inFlight.push(p);
    }
  };
  refill();
  while (inFlight.length > 0) {
    const batch = await inFlight.shift()!;
    refill();
    for (const r of batch) {
      const f = r.split(SEP);
      const seq = Number(f[0]);
      if (seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing`);
      if (seq > headSeq)
        return broken(seq, "it lies beyond the chain head (appended without the chain's lock)");
      if (f.length !== FIELDS) return broken(seq, "it contains characters no stored event can contain");
      const hash = f[11]!;
      if (f[10] !== prevHash) return broken(seq, "its previous-hash does not match the event before it");
      body.seq = seq;
      body.id = f[1]!;
      body.type = f[2]!;
      body.entityType = f[3]!;
      body.entityId = f[4]!;
      body.actorType = f[5]!;
      body.actorId = orNull(f[6]);
      body.actorTokenId = orNull(f[7]);
      body.requestId = orNull(f[8]);
      body.occurredAt = f[9]!;
      body.payload = f[12]!;
      body.prevHash = prevHash;
      if (hashEvent(body) !== hash) return broken(seq, "its content does not match its hash");
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
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
