import type { AuditEventRecord } from "./event-types";

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped, dates as ISO strings.
 * PostgreSQL's jsonb reorders keys, so the hash must not depend on insertion order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return "null";
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value);
}

/** Marks the chain-input format, so a future format can be told apart from this one. */
export const CHAIN_FORMAT = "oaims-chain-v1";

/**
 * The exact text that is hashed for one event: a JSON array of the previous hash and every field, then a
 * newline and the payload's canonical JSON as stored. The array is self-delimiting, so no field can bleed into
 * the next, and verification needs no JSON parsing — only string concatenation and SHA-256.
 */
export function chainInput(event: Omit<AuditEventRecord, "hash">): string {
  return (
    `["${CHAIN_FORMAT}",${str(event.prevHash)},${str(event.orgId)},${event.seq},${str(event.id)},` +
    `${str(event.type)},${str(event.entityType)},${str(event.entityId)},${str(event.actorType)},` +
    `${str(event.actorId)},${str(event.actorTokenId)},${str(event.requestId)},${str(event.occurredAt)}]\n${event.payload}`
  );
}

/** JSON.stringify for a string or null, skipping the general path for the plain ids and times that fill a chain. */
const PLAIN = /^[A-Za-z0-9_.:+-]*$/;
const str = (v: string | null): string =>
  v === null ? "null" : PLAIN.test(v) ? `"${v}"` : JSON.stringify(v);
