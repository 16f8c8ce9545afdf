import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  aiSystemFieldOfCsvColumn,
  escapeCsvFormula,
  parseAiSystemCsvRow,
  unescapeCsvFormula,
} from "./csv-columns";

describe("AI system CSV cells", () => {
  it("escapes cells a spreadsheet would run as formulas and restores them exactly", () => {
    for (const s of ["=1+1", "+x", "-2", "@sum", "'=x", "''=x", "plain", "", "'quoted", "a=b"]) {
      assert.equal(unescapeCsvFormula(escapeCsvFormula(s)), s, s);
    }
    assert.equal(escapeCsvFormula("=1+1"), "'=1+1");
    assert.equal(escapeCsvFormula("a=b"), "a=b");
    assert.equal(escapeCsvFormula("'quoted"), "'quoted");
  });

  it("maps columns to the fields they set", () => {
    assert.equal(aiSystemFieldOfCsvColumn("owner_email"), "ownerId");
    assert.equal(aiSystemFieldOfCsvColumn("lifecycle_stage"), "lifecycleStage");
    assert.equal(aiSystemFieldOfCsvColumn("tags"), "tags");
    assert.equal(aiSystemFieldOfCsvColumn("id"), null);
    assert.equal(aiSystemFieldOfCsvColumn("created_at"), null);
  });

  it("parses a row with list cells, an escaped formula and a version", () => {
    const r = parseAiSystemCsvRow(
      {
        name: "'=Risky",
        tags: " a ; b;; a ",
        ai_roles: "provider",
        version: "3",
        owner_email: "X@Example.test",
      },
      2,
    );
    assert.ok(r.ok);
    assert.equal(r.row.fields.name, "=Risky");
    assert.deepEqual(r.row.fields.tags, ["a", "b"]);
    assert.equal(r.row.version, 3);
    assert.equal(r.row.ownerEmail, "x@example.test");
  });

  it("names the columns at fault", () => {
    const r = parseAiSystemCsvRow({ name: "", ai_type: "x", version: "v1", id: "12", purpose: "a\u0000" }, 5);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => e.path),
      ["purpose"],
      "a NUL character stops further checks",
    );
    const r2 = parseAiSystemCsvRow({ name: "", ai_type: "x", version: "v1", id: "12" }, 5);
    assert.ok(!r2.ok);
    assert.deepEqual(r2.errors.map((e) => e.path).sort(), ["ai_type", "id", "name", "version"]);
  });
});
