import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { iso42001_2023 } from "./iso-iec-42001-2023";
import { countNodes, isAssessable } from "./framework";
import { findFramework, frameworkTree } from "./registry";

const nodes = iso42001_2023.nodes;
const byId = new Map(nodes.map((n) => [n.id, n]));
const ids = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => n.id);

describe("ISO/IEC 42001:2023 catalogue", () => {
  it("has exactly 32 clause requirements, 38 Annex A controls and 9 Annex A groups", () => {
    const counts = countNodes(iso42001_2023);
    assert.equal(counts.requirement, 32);
    assert.equal(counts.control, 38);
    const groups = nodes.filter((n) => n.parentId === null && n.id.startsWith("A."));
    assert.deepEqual(
      groups.map((g) => g.id),
      ["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"],
    );
    // One objective per group, A.6 has two (A.6.1.1 and A.6.2.1): ten objective blocks.
    assert.equal(counts.objective, 10);
  });

  it("includes 6.1.1–6.1.4 as requirements under the 6.1 heading and nothing past 6.1.4", () => {
    assert.equal(byId.get("6.1")?.kind, "heading");
    for (const id of ["6.1.1", "6.1.2", "6.1.3", "6.1.4"]) {
      assert.equal(byId.get(id)?.kind, "requirement", id);
      assert.equal(byId.get(id)?.parentId, "6.1", id);
    }
    assert.equal(byId.has("6.1.5"), false);
  });

  it("has no A.1, A.11, A.12 or A.6.10 (ids seen in mis-numbered public sources)", () => {
    for (const bad of ["A.1", "A.11", "A.12", "A.6.10", "A.4.1 AI Risk Assessment"]) {
      assert.equal(byId.has(bad), false, bad);
    }
    assert.ok(nodes.every((n) => !/^A\.(1|11|12)(\.|$)/.test(n.id)));
  });

  it("starts every Annex A group's controls at x.2, with the x.1 slot an objective", () => {
    const blocks = ["A.2", "A.3", "A.4", "A.5", "A.6.1", "A.6.2", "A.7", "A.8", "A.9", "A.10"];
    for (const block of blocks) {
      const children = nodes.filter((n) => n.parentId === block).sort((a, b) => a.order - b.order);
      assert.equal(children[0]?.id, `${block}.1`, block);
      assert.equal(children[0]?.kind, "objective", block);
      const controls = children.filter((c) => c.kind === "control");
      assert.equal(controls[0]?.id, `${block}.2`, block);
      controls.forEach((c, i) =>
        assert.equal(c.id, `${block}.${i + 2}`, "controls are numbered without gaps"),
      );
    }
    assert.equal(byId.get("A.6")?.kind, "heading");
    assert.deepEqual(
      nodes.filter((n) => n.parentId === "A.6").map((n) => n.id),
      ["A.6.1", "A.6.2"],
    );
  });

  it("ends A.6.2 at A.6.2.8", () => {
    const a62 = ids("control").filter((id) => id.startsWith("A.6.2."));
    assert.equal(a62.at(-1), "A.6.2.8");
    assert.equal(a62.length, 7);
    assert.equal(byId.has("A.6.2.9"), false);
  });

  it("has unique ids, existing parents, and sibling orders 0..n-1", () => {
    assert.equal(byId.size, nodes.length);
    const siblings = new Map<string | null, number[]>();
    for (const n of nodes) {
      if (n.parentId !== null) assert.ok(byId.has(n.parentId), `${n.id} → ${n.parentId}`);
      siblings.set(n.parentId, [...(siblings.get(n.parentId) ?? []), n.order]);
    }
    for (const [parent, orders] of siblings) {
      assert.deepEqual(
        orders.slice().sort((a, b) => a - b),
        orders.map((_, i) => i),
        `orders under ${parent}`,
      );
    }
  });

  it("gives every requirement and control guidance with non-empty intent, 2–4 evidence items and 2–4 questions", () => {
    for (const n of nodes.filter(isAssessable)) {
      const g = n.guidance;
      assert.ok(g, `${n.id} has guidance`);
      assert.ok(g.intent.trim().length > 20, `${n.id} intent`);
      assert.ok(g.evidence.length >= 2 && g.evidence.length <= 4, `${n.id} evidence count`);
      assert.ok(g.auditQuestions.length >= 2 && g.auditQuestions.length <= 4, `${n.id} question count`);
      assert.ok(
        [...g.evidence, ...g.auditQuestions].every((s) => s.trim().length > 0),
        `${n.id} empty item`,
      );
      assert.ok(
        g.auditQuestions.every((q) => q.trim().endsWith("?") || q.trim().endsWith(".")),
        n.id,
      );
    }
  });

  it("has guidance only for assessable nodes (no orphan guidance keys)", () => {
    for (const n of nodes.filter((x) => !isAssessable(x))) assert.equal(n.guidance, null, n.id);
  });

  it("links related nodes to existing nodes, symmetrically and never to themselves", () => {
    for (const n of nodes) {
      for (const r of n.related) {
        assert.notEqual(r, n.id);
        const other = byId.get(r);
        assert.ok(other, `${n.id} → ${r} exists`);
        assert.ok(other.related.includes(n.id), `${r} links back to ${n.id}`);
        assert.ok(isAssessable(other), `${r} is assessable`);
      }
    }
  });

  it("pairs each planning clause with its operation clause and 6.1.3 with every Annex A control", () => {
    assert.ok(byId.get("6.1.2")?.related.includes("8.2"));
    assert.ok(byId.get("6.1.3")?.related.includes("8.3"));
    assert.ok(byId.get("6.1.4")?.related.includes("8.4"));
    for (const control of ids("control")) assert.ok(byId.get(control)?.related.includes("6.1.3"), control);
  });

  it("aliases each Annex A control to its Annex B guidance number", () => {
    assert.deepEqual(byId.get("A.6.2.4")?.aliases, ["B.6.2.4"]);
    assert.deepEqual(byId.get("4.1")?.aliases, []);
  });

  it("is found in the registry and nests into a tree in document order", () => {
    assert.equal(findFramework("iso-iec-42001-2023"), iso42001_2023);
    assert.equal(findFramework("iso-iec-42001-2022"), undefined);
    const tree = frameworkTree(iso42001_2023);
    assert.deepEqual(
      tree.map((t) => t.id),
      ["4", "5", "6", "7", "8", "9", "10", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"],
    );
    const a6 = tree.find((t) => t.id === "A.6");
    assert.deepEqual(
      a6?.children[1]?.children.map((c) => c.id),
      ["A.6.2.1", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"],
    );
    let total = 0;
    const walk = (list: typeof tree) => list.forEach((n) => (total++, walk(n.children)));
    walk(tree);
    assert.equal(total, nodes.length);
  });
});
