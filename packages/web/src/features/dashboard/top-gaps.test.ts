import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ReadinessNodeView } from "@openaims/core";
import { topGaps } from "./top-gaps";

const node = (nodeId: string, status: ReadinessNodeView["status"], score: number): ReadinessNodeView => ({
  nodeId,
  title: nodeId,
  kind: "requirement",
  groupId: nodeId.split(".")[0]!,
  status,
  score,
  satisfied: [],
  missing: [{ text: "x", area: "documents" }],
  checks: [],
  later: null,
});

describe("topGaps", () => {
  it("lists partial and missing nodes only, the nearest to ready first, ties in catalogue order", () => {
    const nodes = [
      node("4.1", "missing", 0),
      node("4.2", "ready", 1),
      node("4.3", "partial", 0.5),
      node("5.1", "not_applicable", 0),
      node("5.2", "partial", 0.75),
      node("5.3", "missing", 0),
    ];
    assert.deepEqual(
      topGaps(nodes).map((n) => n.nodeId),
      ["5.2", "4.3", "4.1", "5.3"],
    );
    assert.deepEqual(
      topGaps(nodes, 2).map((n) => n.nodeId),
      ["5.2", "4.3"],
    );
  });
});
