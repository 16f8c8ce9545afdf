import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inheritedAttention } from "../ai-models/ai-model";
import { DomainError } from "../shared/domain-error";
import { CreateDatasetInput } from "../schemas/datasets";
import { decideArchiveDataset, decideCreateDataset, decideUpdateDataset, type DatasetState } from "./dataset";

const state = (extra: Partial<DatasetState> = {}): DatasetState => ({
  id: "d1",
  orgId: "o1",
  ...CreateDatasetInput.parse({ name: "Claims" }),
  archivedAt: null,
  version: 1,
  ...extra,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.code;
  }
  return "none";
};

describe("dataset decisions", () => {
  it("creates with every field diffed, updates only what changed, compares the provenance list by value", () => {
    assert.equal(decideCreateDataset("d1", state()).type, "dataset.created");
    const s = state({ provenance: ["a", "b"] });
    assert.equal(decideUpdateDataset(s, { provenance: ["a", "b"] }, 1), null);
    assert.deepEqual(decideUpdateDataset(s, { provenance: ["a"] }, 1)?.diff, {
      provenance: [["a", "b"], ["a"]],
    });
    assert.equal(
      code(() => decideUpdateDataset(s, { name: "x" }, 2)),
      "conflict",
    );
    assert.equal(
      code(() => decideUpdateDataset(state({ archivedAt: new Date() }), { name: "x" }, 1)),
      "invalid_state",
    );
    assert.equal(
      code(() => decideArchiveDataset(state(), 1, false)),
      "invalid_state",
    );
  });

  it("special-category datasets raise attention once each, archived ones not at all", () => {
    const d = (id: string, specialCategories: boolean, archivedAt: Date | null = null) => ({
      id,
      name: id,
      specialCategories,
      archivedAt,
    });
    const a = inheritedAttention([], [d("x", true), d("x", true), d("y", false), d("z", true, new Date())]);
    assert.deepEqual(
      a.map((x) => [x.reason, x.componentId]),
      [["special_category_data", "x"]],
    );
  });

  it("the schema refuses empty provenance steps and unknown datasheet questions", () => {
    const r = CreateDatasetInput.safeParse({ name: "x", provenance: [""] });
    assert.equal(r.success, false);
    assert.equal(r.error!.issues[0]!.path.join("."), "provenance.0");
    assert.equal(
      CreateDatasetInput.safeParse({ name: "x", datasheet: { uses: { foo: "" } } }).success,
      false,
    );
  });
});
