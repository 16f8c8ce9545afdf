import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TabularRow } from "@openaims/core";
import { formatOf, openTable, type TableFormat } from "./read-table";

const dir = mkdtempSync(join(tmpdir(), "aims-read-table-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (content: string | Buffer, ext = "csv") => {
  const path = join(dir, `t${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};
async function rowsOf(content: string | Buffer, format: TableFormat = "csv") {
  const table = await openTable(fileOf(content, format), { format });
  const rows: TabularRow[] = [];
  for await (const r of table.rows) rows.push(...(Array.isArray(r) ? r : [r]));
  return { rows, sha256: table.sha256(), bytes: table.bytesRead() };
}

describe("reading CSV and JSON Lines files as rows", () => {
  it("strips a UTF-8 BOM from the first header name", async () => {
    const { rows } = await rowsOf("\uFEFFy,p\n1,0\n");
    assert.deepEqual(rows[0]!.cells, ["y", "p"]);
  });

  it("reads CRLF line ends and skips blank lines, keeping file line numbers", async () => {
    const { rows } = await rowsOf("y,p\r\n1,0\r\n\r\n0,1\r\n");
    assert.deepEqual(
      rows.map((r) => [r.line, ...r.cells]),
      [
        [1, "y", "p"],
        [2, "1", "0"],
        [4, "0", "1"],
      ],
    );
  });

  it("reads quoted fields with delimiters, quotes and line breaks; a row is numbered by its first line", async () => {
    const { rows } = await rowsOf('y,g\n1,"a, ""b"""\n0,"multi\nline"\n1, spaced \n');
    assert.deepEqual(
      rows.map((r) => [r.line, ...r.cells]),
      [
        [1, "y", "g"],
        [2, "1", 'a, "b"'],
        [3, "0", "multi\nline"],
        [5, "1", "spaced"],
      ],
    );
  });

  it("passes rows with the wrong number of fields on (the reader reports them) and marks broken quoting", async () => {
    const { rows } = await rowsOf('y,p\n1\n1,0,2\n1,"bad"x\n0,1\n');
    assert.deepEqual(rows[1]!.cells, ["1"]);
    assert.deepEqual(rows[2]!.cells, ["1", "0", "2"]);
    const broken = rows.filter((r) => r.error !== undefined);
    // csv-parse skips the record with the bad closing quote, then reads the rest as an unclosed quote
    assert.deepEqual(
      broken.map((r) => [r.line, r.error!.replace(/:.*/, "")]),
      [
        [4, "Invalid Closing Quote"],
        [5, "Quote Not Closed"],
      ],
    );
  });

  it("hashes the bytes while streaming", async () => {
    const content = "y,p\n" + "1,0\n".repeat(50_000);
    const { sha256, bytes, rows } = await rowsOf(content);
    assert.equal(rows.length, 50_001);
    assert.equal(bytes, Buffer.byteLength(content));
    assert.equal(sha256, createHash("sha256").update(content).digest("hex"));
  });

  it("reads JSON Lines: the first object's keys are the header; bad lines become error rows", async () => {
    const { rows } = await rowsOf(
      '\uFEFF{"y":1,"p":0,"g":"a"}\r\n\r\n{"y":0,"g":"b"}\nnot json\n[1,2]\n{"p":1,"y":true,"g":null,"extra":3}\n',
      "jsonl",
    );
    assert.deepEqual(rows[0]!.cells, ["y", "p", "g"]);
    assert.deepEqual(rows[1]!.cells, [1, 0, "a"]);
    assert.deepEqual(rows[2]!, { line: 3, cells: [0, undefined, "b"] });
    assert.equal(rows[3]!.line, 4);
    assert.match(rows[3]!.error!, /is not valid JSON/);
    assert.deepEqual(rows[4]!, { line: 5, cells: [], error: "is not a JSON object" });
    assert.deepEqual(rows[5]!.cells, [true, 1, null]);
  });

  it("picks the format from the file name unless given", () => {
    assert.equal(formatOf("a.jsonl"), "jsonl");
    assert.equal(formatOf("a.NDJSON"), "jsonl");
    assert.equal(formatOf("a.txt"), "csv");
    assert.equal(formatOf("a.jsonl", "csv"), "csv");
  });
});
