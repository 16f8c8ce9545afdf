/** A line-by-line comparison of two document bodies (Myers' shortest edit script). Pure, no I/O. */

export type DiffOp = "equal" | "add" | "remove";
export interface DiffLine {
  op: DiffOp;
  text: string;
  /** the line's number in the older text (null for an added line) */
  oldNumber: number | null;
  /** the line's number in the newer text (null for a removed line) */
  newNumber: number | null;
}
export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

/**
 * Beyond this many differing lines the exact search would need too much memory (it grows with the square of
 * the edit distance); the differing middle is then shown as removed-then-added, which is still correct.
 */
const MAX_EDIT_DISTANCE = 2_000;

export const splitLines = (text: string): string[] => (text === "" ? [] : text.split(/\r?\n/));

export function diffLines(before: string, after: string): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  for (let i = 0; i < start; i++) ops.push("equal");
  ops.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  for (let i = endA; i < a.length; i++) ops.push("equal");

  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op === "equal") lines.push({ op, text: b[j]!, oldNumber: ++i, newNumber: ++j });
    else if (op === "remove") {
      removed++;
      lines.push({ op, text: a[i]!, oldNumber: ++i, newNumber: null });
    } else {
      added++;
      lines.push({ op, text: b[j]!, oldNumber: null, newNumber: ++j });
    }
  }
  return { lines, added, removed };
}

/** The edit script for two sequences with no common first or last line; removals before additions. */
function middle(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return Array<DiffOp>(m).fill("add");
  if (m === 0) return Array<DiffOp>(n).fill("remove");
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...Array<DiffOp>(n).fill("remove"), ...Array<DiffOp>(m).fill("add")];

  // Walk back through the saved frontiers to recover the path.
  const out: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push("equal");
      x--;
      y--;
    }
    out.push(down ? "add" : "remove");
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push("equal");
    x--;
    y--;
  }
  return out.reverse();
}
