// tableRows reads plain CSV with core's fast reader and hands quoted or irregular input to csv-parse: either way
// the rows must be csv-parse's own (same options), whatever the chunking.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import type { TabularRow } from "@openaims/core";
import { seededRandom } from "@openaims/core";
import { tableRows } from "./table-rows";

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function viaTableRows(text: string, size: number, delimiter: string) {
  const table = tableRows(chunked(new TextEncoder().encode(text), size), { format: "csv", delimiter });
  const out: [number, ...unknown[]][] = [];
  for await (const item of table.rows)
    for (const r of Array.isArray(item) ? item : [item as TabularRow]) out.push([r.line, ...r.cells]);
  return out;
}

/** csv-parse in one go; a record's line is where it starts (records here never span lines). */
function viaCsvParse(text: string, delimiter: string) {
  const records = parse(text, {
    bom: true,
    delimiter,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => [info.lines, ...record]);
}

describe("tableRows reads CSV exactly as csv-parse does", () => {
  it("over random plain and well-quoted files, in random chunks", async () => {
    const rnd = seededRandom(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const cells = ["1", "0", " a ", "", "NA", "é", "😀", "x y", "\u00a0b\u3000", "?", '"q, ""r"""', "\t"];
    for (let n = 0; n < 400; n++) {
      const delimiter = pick([",", ";", "\t"]);
      const eol = pick(["\n", "\r\n"]);
      const quoted = rnd() < 0.3;
      let text = rnd() < 0.2 ? "\uFEFF" : "";
      const lines = 1 + Math.floor(rnd() * 12);
      for (let l = 0; l < lines; l++) {
        const width = Math.floor(rnd() * 4);
        const row: string[] = [];
        for (let c = 0; c <= width; c++) {
          const v = pick(cells);
          row.push(!quoted && v.includes('"') ? "b" : v === "\t" && delimiter === "\t" ? " " : v);
        }
        text += row.join(delimiter) + (l < lines - 1 || rnd() < 0.7 ? eol : "");
      }
      const want = viaCsvParse(text, delimiter);
      for (const size of [1 + Math.floor(rnd() * 9), 1 << 16]) {
        assert.deepEqual(await viaTableRows(text, size, delimiter), want, JSON.stringify({ text, size }));
      }
    }
  });
});
