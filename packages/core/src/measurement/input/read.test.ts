import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../../shared/domain-error";
import {
  InvalidRowsError,
  createClassificationMapper,
  mapClassificationRows,
  type MappedRecord,
  type TabularRow,
} from "./read";
import { assertClassificationInputSpec, type ClassificationInputSpec } from "./spec";

/** rows given as arrays; line numbers 1.. (header on line 1) */
async function* rowsOf(...rows: unknown[][]): AsyncIterable<TabularRow> {
  let line = 1;
  for (const cells of rows) yield { line: line++, cells };
}
async function read(spec: ClassificationInputSpec, rows: unknown[][], skipInvalid = false) {
  const records: MappedRecord[] = [];
  const report = await mapClassificationRows(rowsOf(...rows), spec, (r) => records.push(r), { skipInvalid });
  return { records, report };
}
const base: ClassificationInputSpec = { label: "y", prediction: "p", groups: ["g"] };

describe("classification input: mapping rows to records", () => {
  it("reads 1/0 and true/false, keeps group values, trims cells", async () => {
    const { records, report } = await read(base, [
      ["y", "p", "g"],
      ["1", "0", " a "],
      ["true", "TRUE", "b"],
      [0, 1, "a"],
      ["0.0", "1.0", "b"],
    ]);
    assert.deepEqual(
      records.map((r) => [r.label, r.prediction, r.groups.g]),
      [
        [1, 0, "a"],
        [1, 1, "b"],
        [0, 1, "a"],
        [0, 1, "b"],
      ],
    );
    assert.equal(report.rowsRead, 4);
    assert.equal(report.rowsUsed, 4);
    assert.deepEqual(report.warnings, []);
  });

  it("maps categorical values with positive lists; other values are negative", async () => {
    const spec = { ...base, labelPositive: [">50K", ">50K."], positive: ["Medium", "High"] };
    const { records, report } = await read(spec, [
      ["y", "p", "g"],
      [">50K.", "Low", "a"],
      ["<=50K", "High", "a"],
      [">50K", "Medium", "b"],
    ]);
    assert.deepEqual(
      records.map((r) => [r.label, r.prediction]),
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    );
    assert.deepEqual(report.mapping.prediction, {
      column: "p",
      positive: ["Medium", "High"],
      negative: "all_other",
    });
  });

  it("fails on values outside the mapping, naming line, column and value; --skip-invalid leaves them out", async () => {
    const spec = { ...base, positive: ["High"], negative: ["Low"] };
    const rows = [
      ["y", "p", "g"],
      ["1", "High", "a"],
      ["1", "Medum", "a"],
      ["yes", "Low", "b"],
      ["0", "Low", "b"],
    ];
    await assert.rejects(read(spec, rows), (e: unknown) => {
      assert.ok(e instanceof InvalidRowsError);
      assert.match(e.message, /^2 of 4 rows are not valid; nothing was measured/);
      assert.deepEqual(
        e.report.issues.map((i) => [i.line, i.column]),
        [
          [3, "p"],
          [4, "y"],
        ],
      );
      assert.match(
        e.report.issues[0]!.message,
        /prediction value "Medum" is outside the mapping \(positive: High; negative: Low\)/,
      );
      assert.match(
        e.report.issues[1]!.message,
        /label value "yes" is outside the mapping \(expected 1\/0 or true\/false/,
      );
      assert.deepEqual(e.report.unexpectedValues, { p: { Medum: 1 }, y: { yes: 1 } });
      return true;
    });
    const { records, report } = await read(spec, rows, true);
    assert.equal(records.length, 2);
    assert.equal(report.rowsInvalid, 2);
    assert.match(report.warnings.join("\n"), /2 invalid rows were skipped/);
  });

  it("reports rows with the wrong number of fields with their line numbers", async () => {
    const rows = [
      ["y", "p", "g"],
      ["1", "1", "a"],
      ["1", "1"],
      ["0", "0", "b", "extra"],
    ];
    await assert.rejects(read(base, rows), (e: unknown) => {
      assert.ok(e instanceof InvalidRowsError);
      assert.deepEqual(
        e.report.issues.map((i) => `${i.line}: ${i.message}`),
        ["3: has 2 fields but the header has 3", "4: has 4 fields but the header has 3"],
      );
      return true;
    });
  });

  it("counts empty and NA values per column, never reads them as 0", async () => {
    const { records, report } = await read(base, [
      ["y", "p", "g"],
      ["", "1", "a"],
      ["NA", "0", "a"],
      ["1", "N/A", "a"],
      ["1", "1", ""],
      ["0", "0", "NA"],
      ["1", null, "b"],
      ["0", "1", "b"],
    ]);
    assert.deepEqual(report.missingValues, { y: 2, p: 2, g: 2 });
    assert.equal(report.rowsMissingOutcome, 4, "rows without label or prediction are left out");
    assert.equal(report.rowsUsed, 3);
    assert.deepEqual(
      records.map((r) => r.groups),
      [{}, {}, { g: "b" }],
      "a missing group value is absent, not an empty string",
    );
    assert.match(
      report.warnings[0]!,
      /Missing values \(empty or NA\/.*\): y 2, p 2, g 2\. 4 rows without a label/,
    );
  });

  it("uses the first of duplicate header names and warns naming them", async () => {
    const { records, report } = await read({ ...base, groups: ["g", "h"] }, [
      ["y", "p", "g", "h", "g", "y"],
      ["1", "0", "first", "x", "second", "0"],
    ]);
    assert.deepEqual(records[0]!.groups, { g: "first", h: "x" });
    assert.equal(records[0]!.label, 1);
    assert.deepEqual(report.duplicateColumns, [
      { name: "g", positions: [3, 5] },
      { name: "y", positions: [1, 6] },
    ]);
    assert.match(
      report.warnings[0]!,
      /Duplicate column names: g \(columns 3, 5\); y \(columns 1, 6\)\. The first/,
    );
  });

  it("rejects unknown column names, listing the available ones", async () => {
    await assert.rejects(
      read({ ...base, groups: ["Race", "sex"] }, [
        ["y", "p", "race"],
        ["1", "1", "a"],
      ]),
      (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === "invalid_input");
        assert.equal(e.message, 'Unknown columns "Race", "sex". Available columns: y, p, race.');
        const details = e.details as { issues: { path: string; message: string }[] };
        assert.deepEqual(details.issues[0], {
          path: "Race",
          message: 'no such column (did you mean "race"?)',
        });
        return true;
      },
    );
  });

  it("rejects an empty input", async () => {
    await assert.rejects(read(base, []), /The input is empty; expected a header line first/);
  });

  it("thresholds scores (score ≥ t → 1), keeps scores in [0, 1], rejects non-numbers", async () => {
    const spec: ClassificationInputSpec = { label: "y", score: "s", threshold: 0.5, groups: ["g"] };
    const { records, report } = await read(
      spec,
      [
        ["y", "s", "g"],
        ["1", "0.5", "a"],
        ["0", "0.49", "a"],
        ["1", "7", "b"],
        ["0", "abc", "b"],
      ],
      true,
    );
    assert.deepEqual(
      records.map((r) => [r.prediction, r.score]),
      [
        [1, 0.5],
        [0, 0.49],
        [1, undefined],
      ],
    );
    assert.equal(report.scoresOutsideUnitInterval, 1);
    assert.deepEqual(report.issues, [{ line: 5, column: "s", message: 'score "abc" is not a number' }]);
  });

  it("reads timestamp and segment columns", async () => {
    const { records, report } = await read({ ...base, timestamp: "t", segment: "s" }, [
      ["y", "p", "g", "t", "s"],
      ["1", "1", "a", "2026-03-02", "eu"],
      ["0", "1", "a", "2026-01-05T10:00:00Z", "us"],
      ["0", "0", "b", "", "eu"],
    ]);
    assert.equal(records[0]!.segment, "eu");
    assert.deepEqual(report.timestampRange, {
      first: "2026-01-05T10:00:00.000Z",
      last: "2026-03-02T00:00:00.000Z",
    });
    assert.deepEqual(report.segments, { eu: 2, us: 1 });
    assert.equal(report.missingValues.t, 1);
  });

  it("looks cells up by name for JSON Lines (no width check)", () => {
    const m = createClassificationMapper(base);
    m.header(["y", "p", "g"]);
    assert.equal(m.row({ line: 2, cells: [1] }, false), null);
    assert.deepEqual(m.report.missingValues, { y: 0, p: 1, g: 1 });
    assert.equal(m.report.rowsInvalid, 0);
    assert.equal(m.report.rowsMissingOutcome, 1);
  });

  it("accepts rows in batches as well as one at a time", async () => {
    async function* batches(): AsyncIterable<TabularRow | TabularRow[]> {
      yield [
        { line: 1, cells: ["y", "p", "g"] },
        { line: 2, cells: ["1", "1", "a"] },
      ];
      yield { line: 3, cells: ["0", "1", "b"] };
      yield [];
      yield [{ line: 4, cells: ["0", "0", "b"] }];
    }
    const records: MappedRecord[] = [];
    const report = await mapClassificationRows(batches(), base, (r) => records.push(r));
    assert.deepEqual(
      records.map((r) => r.groups.g),
      ["a", "b", "b"],
    );
    assert.equal(report.rowsRead, 3);
  });

  it("checks the mapping before reading", () => {
    assert.throws(
      () => assertClassificationInputSpec({ label: "y", prediction: "p", score: "s", groups: [] }),
      (e: unknown) => {
        const issues = ((e as DomainError).details as { issues: { path: string }[] }).issues;
        assert.deepEqual(
          issues.map((i) => i.path),
          ["prediction", "threshold", "group"],
        );
        return true;
      },
    );
    assert.throws(
      () => assertClassificationInputSpec({ ...base, positive: ["A"], negative: ["A"] }),
      /not valid/,
    );
  });
});
