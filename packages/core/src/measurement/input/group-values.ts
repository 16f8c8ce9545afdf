// The groups of a mapped record, shared between rows: rows with the same raw group cells get the same frozen
// object, so a large file allocates one per distinct combination instead of one per row, and the fairness
// accumulator can find a combination's groups by the object's identity instead of looking up every value.

/** Distinct combinations kept; beyond, each row gets its own object (memory stays bounded by this number). */
export const MAX_SHARED_GROUP_VALUES = 10_000;

export interface GroupValues {
  /** Attribute → value; frozen. Missing values (empty, NA) are absent. */
  values: Readonly<Record<string, string>>;
  /** Positions (in the spec's groups) whose value is missing. */
  missing: readonly number[];
}

type Node = Map<unknown, Node | GroupValues>;
/** Objects (JSON Lines cells) compare by identity, so they are never shared. */
const isObject = (cell: unknown) => typeof cell === "object" && cell !== null;

/**
 * `read(cells, at)` → the GroupValues of one row, where `at[i]` is the cell position of `groups[i]` and
 * `textOf` is the cell's text, or null when it is missing.
 */
export function groupValuesReader(groups: readonly string[], textOf: (cell: unknown) => string | null) {
  const root: Node = new Map();
  let shared = 0;
  const none: GroupValues = { values: Object.freeze({}), missing: [] };

  const build = (cells: readonly unknown[], at: readonly number[]): GroupValues => {
    const values: Record<string, string> = {};
    const missing: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const s = textOf(cells[at[i]!]);
      if (s === null) missing.push(i);
      else values[groups[i]!] = s;
    }
    return { values: Object.freeze(values), missing };
  };

  return (cells: readonly unknown[], at: readonly number[]): GroupValues => {
    const last = at.length - 1;
    if (last < 0) return none;
    let node = root;
    for (let i = 0; i < last; i++) {
      const cell = cells[at[i]!];
      let next = node.get(cell) as Node | undefined;
      if (next === undefined) {
        if (shared >= MAX_SHARED_GROUP_VALUES || isObject(cell)) return build(cells, at);
        next = new Map();
        node.set(cell, next);
      }
      node = next;
    }
    const cell = cells[at[last]!];
    let leaf = node.get(cell) as GroupValues | undefined;
    if (leaf === undefined) {
      leaf = build(cells, at);
      if (shared < MAX_SHARED_GROUP_VALUES && !isObject(cell)) {
        node.set(cell, leaf);
        shared++;
      }
    }
    return leaf;
  };
}
