import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { findFramework } from "../frameworks";
import { checkRaci, defaultRaciActivities, diffRaciRow, resolveFrameworkNode } from "./raci";

const row = (id: string, letters: string[]) => ({
  id,
  title: id,
  assignments: letters.map((letter) => ({ letter })),
});

describe("RACI rule: exactly one A per activity", () => {
  it("is complete when every activity has one A (a missing R is only a warning)", () => {
    const r = checkRaci([row("a1", ["A", "R", "C"]), row("a2", ["A", "I"])]);
    assert.equal(r.complete, true);
    assert.deepEqual(
      r.issues.map((i) => [i.activityId, i.rule, i.severity]),
      [["a2", "no_responsible", "warning"]],
    );
  });
  it("is incomplete with an activity without A or with two", () => {
    const r = checkRaci([row("a1", ["R"]), row("a2", ["A", "A", "R"]), row("a3", ["A", "R"])]);
    assert.equal(r.complete, false);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "error").map((i) => [i.activityId, i.rule]),
      [
        ["a1", "no_accountable"],
        ["a2", "several_accountable"],
      ],
    );
  });
  it("an empty matrix is not complete", () => {
    assert.equal(checkRaci([]).complete, false);
  });
});

describe("RACI helpers", () => {
  it("diffs a row's letters by column", () => {
    assert.deepEqual(
      diffRaciRow(
        [
          { type: "member", key: "u1", letter: "R" },
          { type: "role", key: "auditor", letter: "I" },
        ],
        [
          { type: "member", key: "u1", letter: "A" },
          { type: "member", key: "u2", letter: "R" },
        ],
      ),
      { "member:u1": ["R", "A"], "role:auditor": ["I", null], "member:u2": [null, "R"] },
    );
  });
  it("resolves framework node references, bare ISO ids included", () => {
    assert.deepEqual(resolveFrameworkNode("5.3"), {
      id: "iso-iec-42001-2023:5.3",
      label: "5.3 Roles, responsibilities and authorities",
    });
    assert.equal(resolveFrameworkNode("iso-iec-42001-2023:A.99"), null);
  });
  it("every default activity names a real ISO/IEC 42001 node and titles are unique", () => {
    const iso = findFramework("iso-iec-42001-2023")!;
    for (const a of defaultRaciActivities)
      assert.ok(
        iso.nodes.some((n) => n.id === a.node),
        a.node,
      );
    assert.equal(new Set(defaultRaciActivities.map((a) => a.title)).size, defaultRaciActivities.length);
  });
});
