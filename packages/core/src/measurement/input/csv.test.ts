import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fastCsvRows } from "./csv";
import type { TabularRow } from "./read";

const bytesOf = (s: string | number[]) =>
  typeof s === "string" ? new TextEncoder().encode(s) : new Uint8Array(s);

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Reads with the fast path; the fallback records the bytes it was handed and returns one marker row. */
async function read(input: string | number[], size = 1 << 16, delimiter = ",") {
  let handed: string | null = null;
  const rows: TabularRow[] = [];
  let batches = 0;
  for await (const item of fastCsvRows(chunked(bytesOf(input), size), {
    delimiter,
    fallback: async function* (rest) {
      const parts: Uint8Array[] = [];
      for await (const c of rest) parts.push(c);
      handed = new TextDecoder().decode(Buffer.concat(parts));
      yield { line: 0, cells: ["FALLBACK"] };
    },
  })) {
    batches++;
    rows.push(...(Array.isArray(item) ? item : [item]));
  }
  return { rows: rows.map((r) => [r.line, ...r.cells]), handed: handed as string | null, batches };
}

describe("fast CSV reader", () => {
  it("reads plain rows whatever the chunk size: BOM stripped, cells trimmed, blank lines skipped, lines kept", async () => {
    const text = "\uFEFFy,p,g\n1,0, a \n\n  \n0,1,é😀\n1,,\n , \n1,0,last";
    const want = [
      [1, "y", "p", "g"],
      [2, "1", "0", "a"],
      [5, "0", "1", "é😀"],
      [6, "1", "", ""],
      [7, "", ""],
      [8, "1", "0", "last"],
    ];
    for (const size of [1, 2, 3, 5, 64, 1 << 16]) {
      const { rows, handed } = await read(text, size);
      assert.equal(handed, null, `chunks of ${size}`);
      assert.deepEqual(rows, want, `chunks of ${size}`);
    }
  });

  it("reads CRLF files, including a \\r\\n split across chunks", async () => {
    for (const size of [1, 4, 100]) {
      const { rows, handed } = await read("y,p\r\n1,0\r\n\r\n0,1\r\n", size);
      assert.equal(handed, null);
      assert.deepEqual(rows, [
        [1, "y", "p"],
        [2, "1", "0"],
        [4, "0", "1"],
      ]);
    }
  });

  it("keeps rows of different widths (the mapper reports them) and uses the given delimiter", async () => {
    const { rows } = await read("y;p\n1\n1;0;2\n", 64, ";");
    assert.deepEqual(rows, [
      [1, "y", "p"],
      [2, "1"],
      [3, "1", "0", "2"],
    ]);
  });

  it("hands the rest to the full parser from the start of the record with a quote, after as many line ends as lines read", async () => {
    for (const size of [1, 7, 1 << 16]) {
      const { rows, handed } = await read('y,g\n1,a\n\n0,"b, c"\n1,d\n', size);
      assert.deepEqual(rows, [
        [1, "y", "g"],
        [2, "1", "a"],
        [0, "FALLBACK"],
      ]);
      assert.equal(handed, '\n\n\n0,"b, c"\n1,d\n');
    }
    const crlf = await read('y,g\r\n1,"a"\r\n', 3);
    assert.equal(crlf.handed, '\r\n1,"a"\r\n');
  });

  it("hands over mixed or CR-only line ends, a UTF-16 BOM and a quote delimiter from where they start", async () => {
    assert.equal((await read("y,p\n1,0\r\n")).handed, "\n1,0\r\n");
    assert.equal((await read("y,p\r\n1,0\n0,1\r\n")).handed, "\r\n1,0\n0,1\r\n");
    assert.equal((await read("y,p\r1,0\r")).handed, "y,p\r1,0\r");
    const utf16 = [0xff, 0xfe, 0x79, 0, 0x0a, 0];
    assert.equal((await read(utf16)).handed, new TextDecoder().decode(new Uint8Array(utf16)));
    assert.equal((await read('a"b\n', 64, '"')).handed, 'a"b\n');
  });

  it("keeps a character split across chunks whole, also when handing over", async () => {
    const { rows } = await read("g\né😀\n", 1);
    assert.deepEqual(rows, [
      [1, "g"],
      [2, "é😀"],
    ]);
    const { handed } = await read('g\n"😀"\n', 6); // the chunk ends inside the emoji
    assert.equal(handed, '\n"😀"\n');
  });

  it("yields at most 1,024 rows per batch, so a large chunk's rows do not all live at once", async () => {
    const text = "y\n" + "1\n".repeat(5000);
    const { rows, batches } = await read(text, text.length);
    assert.equal(rows.length, 5001);
    assert.equal(batches, 5);
    assert.deepEqual(rows[5000], [5001, "1"]);
  });

  it("hands a line longer than 1 MiB to the full parser instead of copying it with every chunk", async () => {
    const long = "x".repeat(2 << 20);
    const { rows, handed } = await read(`y\n1\n${long}\n0\n`, 1 << 16);
    assert.deepEqual(rows, [
      [1, "y"],
      [2, "1"],
      [0, "FALLBACK"],
    ]);
    assert.equal(handed, `\n\n${long}\n0\n`);
  });

  it("closes the source when the reader stops early", async () => {
    let closed = false;
    const source = (async function* () {
      try {
        for (;;) yield bytesOf("a,b\n");
      } finally {
        closed = true;
      }
    })();
    for await (const batch of fastCsvRows(source, { fallback: () => [] as never })) {
      assert.ok(Array.isArray(batch));
      break;
    }
    assert.equal(closed, true);
  });
});
