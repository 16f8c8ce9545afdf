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

/** The exact bytes that are hashed for one event: the previous hash, then the event without its own hash. */
export function chainInput(event: Omit<AuditEventRecord, "hash">): string {
  const { prevHash, ...body } = event;
  return `${prevHash}\n${canonicalJson(body)}`;
}
