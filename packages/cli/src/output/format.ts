/** Human output: aligned tables and key–value lists. Machine output is `--json`, printed by `printJson`. */

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** longer cells are cut with an ellipsis so one row stays one line */
  max?: number;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ");
const cut = (s: string, max: number | undefined) =>
  max !== undefined && s.length > max ? `${s.slice(0, Math.max(0, max - 1))}…` : s;

export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => cut(oneLine(c.value(row)), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].map((l) => `${l}\n`).join("");
}

/** `key: value` lines with the values aligned; multi-line values are indented under their key. */
export function keyValues(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([k]) => k.length)) + 1;
  return pairs
    .map(([k, v]) => {
      const [first = "", ...rest] = (v === "" ? "-" : v).split(/\r?\n/);
      const pad = " ".repeat(width + 1);
      return [`${`${k}:`.padEnd(width)} ${first}`, ...rest.map((l) => `${pad}${l}`)].join("\n") + "\n";
    })
    .join("");
}

export const printJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join(", ") : "");

/** `2026-03-01T10:20:30.123Z` → `2026-03-01 10:20` (UTC), short enough for a table column. */
export const shortTime = (iso: string | null | undefined) =>
  iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, "") : "";
