const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
}

/** A value from an audit diff or a record, as one short line of text. */
export function formatValue(value: unknown, labelOf?: (v: string) => string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value))
    return value.length === 0 ? "—" : value.map((v) => formatValue(v, labelOf)).join(", ");
  if (typeof value === "string") return labelOf ? labelOf(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export const pluralize = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
