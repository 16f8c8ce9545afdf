/**
 * Framework catalogues as typed data. A framework version is one immutable catalogue; a new edition is a new
 * `Framework` with its own id, so assessments made against an older edition keep pointing at the nodes they used.
 */

export const frameworkNodeKinds = ["heading", "requirement", "control", "objective"] as const;
export type FrameworkNodeKind = (typeof frameworkNodeKinds)[number];

/** Guidance written by OpenAIMS contributors — never text from the standard itself. */
export interface FrameworkGuidance {
  /** What the item is for, in plain words (1–3 sentences). */
  intent: string;
  /** What usually demonstrates it (2–4 items). */
  evidence: string[];
  /** Questions an auditor typically asks (2–4). */
  auditQuestions: string[];
}

export interface FrameworkNode {
  /** The identifier as the framework numbers it ("6.1.2", "A.6.2.4"). */
  id: string;
  /** The short title exactly as the framework's reference lists it. */
  title: string;
  kind: FrameworkNodeKind;
  parentId: string | null;
  /** Position among its siblings, from 0. */
  order: number;
  /** Other identifiers that cite the same node (e.g. Annex B guidance numbers for an Annex A control). */
  aliases: string[];
  /** Set for every assessable node (requirements and controls). */
  guidance: FrameworkGuidance | null;
  /** Ids of nodes that belong together (planning ↔ operation, requirement ↔ control); always symmetric. */
  related: string[];
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  publisher: string;
  /** Where the identifiers and short titles come from. */
  source: string;
  copyrightNote: string;
  /** Depth-first, in document order. */
  nodes: FrameworkNode[];
}

export type FrameworkNodeCounts = Record<FrameworkNodeKind, number>;

export function countNodes(framework: Framework): FrameworkNodeCounts {
  const counts: FrameworkNodeCounts = { heading: 0, requirement: 0, control: 0, objective: 0 };
  for (const node of framework.nodes) counts[node.kind] += 1;
  return counts;
}

export const isAssessable = (node: FrameworkNode): boolean =>
  node.kind === "requirement" || node.kind === "control";

/** Turns a list of undirected pairs into each node's sorted `related` ids. */
export function relatedIndex(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const set = index.get(from) ?? new Set<string>();
    set.add(to);
    index.set(from, set);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return new Map([...index].map(([id, set]) => [id, [...set].sort(compareNodeIds)]));
}

/** Orders "4.10" after "4.9" and clause numbers before "A." ids. */
export function compareNodeIds(a: string, b: string): number {
  const key = (id: string) => {
    const annex = id.match(/^([A-Z])\./);
    const parts = id
      .replace(/^[A-Z]\./, "")
      .split(".")
      .map(Number);
    return { prefix: annex ? annex[1]! : "", parts };
  };
  const ka = key(a);
  const kb = key(b);
  if (ka.prefix !== kb.prefix) return ka.prefix < kb.prefix ? -1 : 1;
  for (let i = 0; i < Math.max(ka.parts.length, kb.parts.length); i++) {
    const d = (ka.parts[i] ?? -1) - (kb.parts[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
