import type { InventoryGraphView, InventoryNode, InventoryNodeType } from "@openaims/core";

/** Left to right: who supplies, what data, which models, the systems they make up. Every link points right. */
export const graphColumns: readonly InventoryNodeType[] = ["vendor", "dataset", "ai_model", "ai_system"];
export const columnTitles: Record<InventoryNodeType, string> = {
  vendor: "Vendors",
  dataset: "Datasets",
  ai_model: "Models",
  ai_system: "AI systems",
};

export const HEADER = 28;
export const ROW = 60;
export const BOX = 46;

export interface PlacedNode extends InventoryNode {
  column: number;
  row: number;
  /** top of the box, in pixels */
  top: number;
}

export interface PlacedEdge {
  from: PlacedNode;
  to: PlacedNode;
  /** in percent of the width (x) and pixels (y), for an SVG with viewBox `0 0 100 height` */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const COL = 100 / graphColumns.length;
/** A box spans its column less a gutter on the right, where the lines run. */
export const boxLeft = (column: number) => column * COL + 0.5;
export const boxWidth = COL - 4;

/** Places nodes in their kind's column (nearest to the root first, then by label) and edges between box sides. */
export function layoutGraph(graph: InventoryGraphView): {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  height: number;
} {
  const nodes: PlacedNode[] = [];
  graphColumns.forEach((type, column) => {
    graph.nodes
      .filter((n) => n.type === type)
      .sort((a, b) => a.depth - b.depth || a.label.localeCompare(b.label))
      .forEach((n, row) => nodes.push({ ...n, column, row, top: HEADER + row * ROW }));
  });
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const edges = graph.edges.flatMap((e): PlacedEdge[] => {
    const a = byKey.get(e.from);
    const b = byKey.get(e.to);
    if (!a || !b) return [];
    const [left, right] = a.column <= b.column ? [a, b] : [b, a];
    return [
      {
        from: a,
        to: b,
        x1: boxLeft(left.column) + boxWidth,
        y1: left.top + BOX / 2,
        x2: boxLeft(right.column),
        y2: right.top + BOX / 2,
      },
    ];
  });
  const rows = Math.max(1, ...graphColumns.map((t) => nodes.filter((n) => n.type === t).length));
  return { nodes, edges, height: HEADER + rows * ROW };
}
