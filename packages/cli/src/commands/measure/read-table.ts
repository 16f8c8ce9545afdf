import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Transform, type Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import type { TabularRow } from "@openaims/core";

export type TableFormat = "csv" | "jsonl";

/** `.jsonl` / `.ndjson` are JSON Lines; anything else is read as CSV unless --format says otherwise. */
export const formatOf = (file: string, given?: string): TableFormat =>
  given === "csv" || given === "jsonl" ? given : /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";

export interface TableSource {
  format: TableFormat;
  /** File size in bytes (for a progress bar). */
  size: number;
  /** Header first, then data rows (single or in batches); the file is read once, as a stream. */
  rows: AsyncIterable<TabularRow | TabularRow[]>;
  /** Bytes read so far. */
  bytesRead(): number;
  /** SHA-256 (hex) of the bytes read; complete once `rows` is exhausted. */
  sha256(): string;
  /** Stops reading (after an error); safe to call twice. */
  close(): void;
}

/** A pass-through stream that hashes and counts the bytes it passes on. */
function hashing() {
  const hash = createHash("sha256");
  let bytes = 0;
  let digest: string | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return {
    stream,
    bytes: () => bytes,
    digest: () => (digest ??= hash.digest("hex")),
  };
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * CSV rows via csv-parse: BOM stripped, CRLF/LF/CR line ends, quoted fields, cells trimmed, blank lines skipped.
 * Yields one batch per chunk of the file (records and unreadable records in file order), so the per-row cost is
 * the parse itself, not a promise per row.
 */
async function* csvRows(input: Readable, delimiter: string): AsyncIterable<TabularRow[]> {
  let batch: TabularRow[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // records are taken here, in file order with the skipped ones, and never pushed to the stream
    on_record: (record: string[], context: { lines: number }) => {
      // context.lines is the line the record ends on; a quoted multi-line field starts it earlier
      let inner = 0;
      for (const f of record) inner += newlines(f);
      batch.push({ line: context.lines - inner, cells: record });
      return undefined;
    },
    on_skip: (err: CsvError | undefined) => {
      if (err) batch.push({ line: Number(err.lines ?? 0), cells: [], error: err.message });
      return undefined;
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", reject);
  });
  finished.catch(() => undefined);
  for await (const chunk of input) {
    parser.write(chunk as Buffer);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.end();
  await finished;
  if (batch.length > 0) yield batch;
}

/** JSON Lines: one object per line; the first object's keys are the header; a bad line is an invalid row. */
async function* jsonlRows(input: Readable): AsyncIterable<TabularRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: string[] | null = null;
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = (n === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
    if (text === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { line: n, cells: [], error: `is not valid JSON (${(e as Error).message})` };
      continue;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      yield { line: n, cells: [], error: "is not a JSON object" };
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (!header) {
      header = Object.keys(obj);
      yield { line: n, cells: header };
    }
    yield { line: n, cells: header.map((k) => obj[k]) };
  }
}

/** Opens a CSV or JSON Lines file as a stream of rows, hashing the bytes as they are read. */
export async function openTable(
  path: string,
  options: { format: TableFormat; delimiter?: string },
): Promise<TableSource> {
  const { size } = await stat(path);
  const h = hashing();
  const input = createReadStream(path, { highWaterMark: 1 << 16 });
  input.on("error", (e) => h.stream.destroy(e));
  input.pipe(h.stream);
  const rows = options.format === "jsonl" ? jsonlRows(h.stream) : csvRows(h.stream, options.delimiter ?? ",");
  const close = () => {
    input.destroy();
    h.stream.destroy();
  };
  return { format: options.format, size, rows, bytesRead: h.bytes, sha256: h.digest, close };
}
