import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { InventoryGraphView, InventoryNode } from "@openaims/core";
import { BOX, HEADER, ROW, boxLeft, boxWidth, layoutGraph } from "./component-graph-layout";

const node = (type: InventoryNode["type"], id: string, label: string, depth: number): InventoryNode => ({
  key: `${type}:${id}`,
  type,
  id,
  label,
  depth,
  archived: false,
  attention: [],
});

describe("component graph layout", () => {
  it("puts each kind in its column, nearest first, and draws links between box sides", () => {
    const graph: InventoryGraphView = {
      root: "ai_system:s1",
      nodes: [
        node("ai_system", "s1", "Loan desk", 0),
        node("ai_model", "m1", "Scorer", 1),
        node("ai_system", "s2", "Collections", 2),
        node("vendor", "v1", "Acme", 2),
      ],
      edges: [
        { from: "ai_model:m1", to: "ai_system:s1" },
        { from: "ai_model:m1", to: "ai_system:s2" },
        { from: "vendor:v1", to: "ai_model:m1" },
        { from: "dataset:gone", to: "ai_system:s1" },
      ],
      truncated: false,
    };
    const { nodes, edges, height } = layoutGraph(graph);
    assert.deepEqual(
      nodes.map((n) => [n.label, n.column, n.row]),
      [
        ["Acme", 0, 0],
        ["Scorer", 2, 0],
        ["Loan desk", 3, 0],
        ["Collections", 3, 1],
      ],
    );
    assert.equal(height, HEADER + 2 * ROW);
    assert.equal(edges.length, 3, "an edge to a node not in the graph is dropped");
    const toCollections = edges.find((e) => e.to.label === "Collections")!;
    assert.deepEqual(
      [toCollections.x1, toCollections.y1, toCollections.x2, toCollections.y2],
      [boxLeft(2) + boxWidth, HEADER + BOX / 2, boxLeft(3), HEADER + ROW + BOX / 2],
    );
  });
});
