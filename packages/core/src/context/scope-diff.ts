import type { ScopeDiff, ScopeFields } from "../schemas/scope";

const norm = (s: string) => s.trim().toLowerCase();

/**
 * What changed from one scope version to another, field by field: the texts as before/after, the lists as
 * added/removed items (matched case-insensitively), exclusions also by a changed justification.
 */
export function diffScopes(before: ScopeFields, after: ScopeFields): ScopeDiff {
  const text = (a: string, b: string) => (a === b ? null : { before: a, after: b });
  const beforeInc = new Set(before.inclusions.map(norm));
  const afterInc = new Set(after.inclusions.map(norm));
  const beforeExc = new Map(before.exclusions.map((e) => [norm(e.item), e]));
  const afterExc = new Map(after.exclusions.map((e) => [norm(e.item), e]));
  const changed = after.exclusions.flatMap((e) => {
    const old = beforeExc.get(norm(e.item));
    return old && old.justification !== e.justification
      ? [{ item: e.item, before: old.justification, after: e.justification }]
      : [];
  });
  const d: ScopeDiff = {
    statement: text(before.statement, after.statement),
    boundaries: text(before.boundaries, after.boundaries),
    inclusions: {
      added: after.inclusions.filter((x) => !beforeInc.has(norm(x))),
      removed: before.inclusions.filter((x) => !afterInc.has(norm(x))),
    },
    exclusions: {
      added: after.exclusions.filter((e) => !beforeExc.has(norm(e.item))),
      removed: before.exclusions.filter((e) => !afterExc.has(norm(e.item))),
      changed,
    },
    same: false,
  };
  d.same =
    !d.statement &&
    !d.boundaries &&
    d.inclusions.added.length + d.inclusions.removed.length === 0 &&
    d.exclusions.added.length + d.exclusions.removed.length + changed.length === 0;
  return d;
}
