// Bytes of a prediction file (a file on disk, standard input, an upload) → TabularRow values for core's mappers,
// hashing the bytes on the way. Shared by the CLI and the server so both read a file exactly the same way.
import { createHash } from "node:crypto";
import { parse, type CsvError } from "csv-parse";
import { fastCsvRows, type TabularRow } from "@openaims/core";

export type TableFormat = "csv" | "jsonl";

/** `.jsonl` / `.ndjson` are JSON Lines; anything else is read as CSV unless the format is given. */
export const formatOf = (file: string, given?: string): TableFormat =>
  given === "csv" || given === "jsonl" ? given : /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";

export interface TableRows {
  format: TableFormat;
  /** Header first, then data rows (single or in batches); the bytes are read once, as a stream. */
  rows: AsyncIterable<TabularRow | TabularRow[]>;
  /** Bytes read so far. */
  bytesRead(): number;
  /** SHA-256 (hex) of the bytes read; complete once `rows` is exhausted. */
  sha256(): string;
}

export interface TableRowsOptions {
  format: TableFormat;
  delimiter?: string;
  /** Called with every chunk before it is parsed (a size limit or a deadline throws from here). */
  onChunk?: (chunk: Uint8Array, bytesSoFar: number) => void;
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * CSV rows via csv-parse — for what core's fastCsvRows hands over (quotes, irregular line ends), so those rows are
 * csv-parse's own: BOM stripped, CRLF/LF/CR line ends, quoted fields, cells trimmed, blank lines skipped.
 * Yields one batch per chunk (records and unreadable records in file order), so the per-row cost is the parse
 * itself, not a promise per row.
 */
async function* csvRows(input: AsyncIterable<Uint8Array>, delimiter: string): AsyncIterable<TabularRow[]> {
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
    parser.write(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.end();
  await finished;
  if (batch.length > 0) yield batch;
}

/** Lines split on \n, \r\n or \r (as readline does), decoded as UTF-8 across chunk boundaries. */
async function* textLines(input: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let rest = "";
  const split = function* (final: boolean) {
    let start = 0;
    for (let i = start; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && i + 1 === rest.length && !final) break; // a \r\n may be split across chunks
      yield rest.slice(start, i);
      if (c === 13 && rest.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    rest = rest.slice(start);
  };
  for await (const chunk of input) {
    rest += decoder.decode(chunk, { stream: true });
    yield* split(false);
  }
  rest += decoder.decode();
  yield* split(true);
  if (rest !== "") yield rest;
}

/** JSON Lines: one object per line; the first object's keys are the header; a bad line is an invalid row. */
async function* jsonlRows(input: AsyncIterable<Uint8Array>): AsyncIterable<TabularRow> {
  let header: string[] | null = null;
  let n = 0;
  for await (const raw of textLines(input)) {
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

/** Reads CSV or JSON Lines bytes as a stream of rows, hashing and counting the bytes as they are read. */
export function tableRows(input: AsyncIterable<Uint8Array>, options: TableRowsOptions): TableRows {
  const hash = createHash("sha256");
  let bytes = 0;
  let digest: string | null = null;
  const hashed = (async function* () {
    for await (const chunk of input) {
      bytes += chunk.length;
      options.onChunk?.(chunk, bytes);
      hash.update(chunk);
      yield chunk;
    }
  })();
  const delimiter = options.delimiter ?? ",";
  // core's fast reader takes plain rows; a quote or mixed line ends hand the rest to csv-parse (same rows)
  const rows =
    options.format === "jsonl"
      ? jsonlRows(hashed)
      : fastCsvRows(hashed, { delimiter, fallback: (rest) => csvRows(rest, delimiter) });
  return {
    format: options.format,
    rows,
    bytesRead: () => bytes,
    sha256: () => (digest ??= hash.digest("hex")),
  };
}
