import type { ReadinessNodeView } from "@openaims/core";

/** Nodes that are not ready, the nearest to ready first (the quickest wins), then in catalogue order. */
export function topGaps(nodes: readonly ReadinessNodeView[], max = 8): ReadinessNodeView[] {
  return nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n.status === "partial" || n.status === "missing")
    .sort((a, b) => b.n.score - a.n.score || a.i - b.i)
    .slice(0, max)
    .map(({ n }) => n);
}
