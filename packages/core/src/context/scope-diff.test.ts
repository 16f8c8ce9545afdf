import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { diffScopes } from "./scope-diff";

const base = {
  statement: "AI systems of the retail bank",
  inclusions: ["Credit scoring", "Fraud detection"],
  exclusions: [
    { item: "HR chatbot", justification: "Bought as a service" },
    { item: "Marketing", justification: "No AI used" },
  ],
  boundaries: "EU sites",
};

describe("scope diff", () => {
  it("reports the same scope as unchanged", () => {
    const d = diffScopes(base, { ...base, inclusions: ["fraud detection", "Credit scoring"] });
    assert.equal(d.same, true);
    assert.equal(d.statement, null);
  });
  it("lists text changes, added and removed items and changed justifications", () => {
    const d = diffScopes(base, {
      statement: "AI systems of the bank",
      inclusions: ["Credit scoring", "Chat assistant"],
      exclusions: [
        { item: "hr chatbot", justification: "Bought as a service; no configuration" },
        { item: "Research lab", justification: "Separate legal entity" },
      ],
      boundaries: "EU sites",
    });
    assert.equal(d.same, false);
    assert.deepEqual(d.statement, { before: base.statement, after: "AI systems of the bank" });
    assert.equal(d.boundaries, null);
    assert.deepEqual(d.inclusions, { added: ["Chat assistant"], removed: ["Fraud detection"] });
    assert.deepEqual(d.exclusions.added, [{ item: "Research lab", justification: "Separate legal entity" }]);
    assert.deepEqual(d.exclusions.removed, [{ item: "Marketing", justification: "No AI used" }]);
    assert.deepEqual(d.exclusions.changed, [
      { item: "hr chatbot", before: "Bought as a service", after: "Bought as a service; no configuration" },
    ]);
  });
});
