import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createFairnessAccumulator } from "../fairness";
import { seededRandom } from "../random";
import { groupValuesReader, MAX_SHARED_GROUP_VALUES } from "./group-values";

const textOf = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v).trim();
  return s === "" || s === "NA" ? null : s;
};

describe("shared group values", () => {
  it("gives rows with the same cells one frozen object, and lists missing positions", () => {
    const read = groupValuesReader(["sex", "race"], textOf);
    const a = read(["1", "F", "x"], [1, 2]);
    const b = read(["0", "F", "x"], [1, 2]);
    const c = read(["0", "M", "NA"], [1, 2]);
    assert.equal(a, b);
    assert.ok(Object.isFrozen(a.values));
    assert.deepEqual(a.values, { sex: "F", race: "x" });
    assert.notEqual(a, c);
    assert.deepEqual(c, { values: { sex: "M" }, missing: [1] });
    assert.deepEqual(read([], []).values, {});
  });

  it("stops sharing after the limit and never shares object cells", () => {
    const read = groupValuesReader(["id"], textOf);
    for (let i = 0; i < MAX_SHARED_GROUP_VALUES; i++) read([String(i)], [0]);
    const x = read(["new"], [0]);
    assert.notEqual(read(["new"], [0]), x);
    assert.deepEqual(x.values, { id: "new" });
    const o = { k: 1 };
    assert.notEqual(read([o], [0]), read([o], [0]));
  });

  it("gives the fairness accumulator the same result as fresh objects per row", () => {
    const rnd = seededRandom(3);
    const read = groupValuesReader(["a", "b"], textOf);
    const shared = createFairnessAccumulator({ attributes: ["a", "b"], intersectional: true });
    const fresh = createFairnessAccumulator({ attributes: ["a", "b"], intersectional: true });
    for (let i = 0; i < 2000; i++) {
      const cells = [["x", "y", "NA"][Math.floor(rnd() * 3)], ["p", "q", ""][Math.floor(rnd() * 3)]];
      const g = read(cells, [0, 1]);
      const label = rnd() < 0.4 ? 1 : 0;
      const prediction = rnd() < 0.5 ? 1 : 0;
      const score = rnd();
      shared.add({ label, prediction, score, groups: g.values as Record<string, string> });
      fresh.add({ label, prediction, score, groups: { ...g.values } });
    }
    const s = shared.result();
    const f = fresh.result();
    assert.deepEqual(s, f);
    assert.ok((s.missingGroupValues.a ?? 0) > 0);
  });
});
