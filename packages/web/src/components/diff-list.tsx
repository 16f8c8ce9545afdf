import { formatValue } from "../lib/format";

type Labeler = (value: string) => string;

interface DiffListProps {
  payload: unknown;
  fieldLabel?: (field: string) => string;
  valueLabeler?: (field: string) => Labeler | undefined;
  /** the order to list fields in; the database does not keep the order they were written in */
  fieldOrder?: readonly string[];
}

/** Reads `payload.diff` (`{ field: [before, after] }`) defensively: old events may lack it. */
export function diffEntries(payload: unknown): [string, unknown, unknown][] {
  const d = (payload as { diff?: unknown } | null | undefined)?.diff;
  if (!d || typeof d !== "object" || Array.isArray(d)) return [];
  return Object.entries(d as Record<string, unknown>).map(([field, change]) =>
    Array.isArray(change) ? [field, change[0], change[1]] : [field, undefined, change],
  );
}

/** Renders each change as "field: before → after". */
export function DiffList({ payload, fieldLabel = (f) => f, valueLabeler, fieldOrder }: DiffListProps) {
  // A creation diff lists every field; the ones left empty say nothing.
  const entries = diffEntries(payload).filter(
    ([field, before, after]) =>
      formatValue(before, valueLabeler?.(field)) !== formatValue(after, valueLabeler?.(field)),
  );
  if (entries.length === 0) return null;
  if (fieldOrder) {
    const rank = (f: string) => (fieldOrder.includes(f) ? fieldOrder.indexOf(f) : fieldOrder.length);
    entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  }
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {entries.map(([field, before, after]) => {
        const labelOf = valueLabeler?.(field);
        return (
          <li key={field} className="break-words text-slate-800">
            <span className="font-medium text-slate-900">{fieldLabel(field)}</span>
            {": "}
            <span className="text-slate-700">{formatValue(before, labelOf)}</span>
            <span aria-label="changed to"> → </span>
            <span>{formatValue(after, labelOf)}</span>
          </li>
        );
      })}
    </ul>
  );
}
