const SECRET_KEY = /pass(word)?|secret|token|hash|api[_-]?key|credential/i;
export const REDACTED = "[redacted]";

/** Replaces the values of secret-looking keys, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v);
    return out;
  }
  return value;
}

const normalize = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));

/** `{ field: [before, after] }` for the fields that changed, secrets redacted. */
export function diff<T extends Record<string, unknown>>(
  before: Partial<T>,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    if (same(before[f], after[f])) continue;
    out[f] = SECRET_KEY.test(f)
      ? [REDACTED, REDACTED]
      : [redact(normalize(before[f])), redact(normalize(after[f]))];
  }
  return out;
}

/** The initial state of a new object as a diff from nothing. */
export function creationDiff<T extends Record<string, unknown>>(
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> {
  return diff({} as Partial<T>, after, fields);
}
