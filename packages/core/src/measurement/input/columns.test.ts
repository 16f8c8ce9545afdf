import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createColumnProfiler } from "./columns";

describe("column profiles for drift", () => {
  it("detects numeric and categorical columns, counts missing values, warns on duplicates", () => {
    const p = createColumnProfiler();
    p.header(["\uFEFFn", "c", "mixed", "n"]);
    p.row({ line: 2, cells: ["1", "a", "1", "x"] });
    p.row({ line: 3, cells: [" 2.5 ", "NA", "two", "y"] });
    p.row({ line: 4, cells: ["", "b", "3", "z"] });
    p.row({ line: 5, cells: ["4", "a"] });
    const { summaries, report } = p.finish();
    assert.deepEqual(
      summaries.map((s) => [s.name, s.kind, s.n, s.missing]),
      [
        ["n", "numeric", 2, 1],
        ["c", "categorical", 2, 1],
        ["mixed", "categorical", 3, 0],
      ],
    );
    const c = summaries[1]!;
    assert.ok(c.kind === "categorical");
    assert.deepEqual(c.counts, { a: 1, b: 1 });
    assert.deepEqual(report.missingValues, { n: 1, c: 1, mixed: 0 });
    assert.deepEqual(report.issues, [
      { line: 5, column: null, message: "has 2 fields but the header has 4" },
    ]);
    assert.match(report.warnings[0]!, /Duplicate column names: n \(columns 1, 4\)/);
  });

  it("keeps a forced kind and reports text in a numeric column as invalid", () => {
    const p = createColumnProfiler({ columns: ["x"], kinds: { x: "numeric" } });
    p.header(["x", "y"]);
    p.row({ line: 2, cells: ["1", "q"] });
    p.row({ line: 3, cells: ["oops", "q"] });
    const { summaries, report } = p.finish();
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0]!.kind, "numeric");
    assert.equal(report.rowsInvalid, 1);
    assert.equal(report.issues[0]!.line, 3);
  });

  it("rejects unknown columns listing the available ones", () => {
    const p = createColumnProfiler({ columns: ["z"] });
    assert.throws(() => p.header(["x", "y"]), /Unknown column "z"\. Available columns: x, y\./);
  });
});
