// A fast CSV reader for the common shape of a large prediction file — no quotes, one kind of line end — that
// gives exactly the rows csv-parse gives with the options the readers use (bom, trim, relax_column_count,
// skip_empty_lines, skip_records_with_error). Anything else (a quote anywhere, mixed or CR-only line ends, a
// UTF-16 BOM, a quote or line break as delimiter) hands the rest of the bytes, from the start of the record
// being read, to a full CSV parser the caller supplies, so quoting rules and error messages stay the parser's.
// Pure: bytes in, rows out (TextDecoder/TextEncoder are web-standard globals).
import type { TabularRow } from "./read";

export interface FastCsvOptions {
  /** One character (default ","). */
  delimiter?: string;
  /**
   * The full parser for whatever the fast path does not take: it is given the remaining bytes, preceded by as
   * many (empty) line ends as lines were already read, so its line numbers and messages match the file's.
   */
  fallback: (rest: AsyncIterable<Uint8Array>) => AsyncIterable<TabularRow | TabularRow[]>;
}

const CR = 13;
const QUOTE = '"';
/** Rows per batch: small enough that a batch dies young (a whole 1 MiB chunk's rows would outlive the nursery). */
const BATCH_ROWS = 1024;
/** Characters of one unfinished line kept across chunks before the full parser takes over. */
const MAX_LINE = 1 << 20;
type Ending = "\n" | "\r\n";

/** Bytes at the end of `b` that start a UTF-8 sequence the chunk does not finish (0–3). */
function incompleteTail(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Trimmed like csv-parse's trim (JavaScript's white space, which is its list), without a call when not needed. */
function cell(s: string, from: number, to: number): string {
  const f = s.slice(from, to);
  if (f.length === 0) return f;
  const a = f.charCodeAt(0);
  const z = f.charCodeAt(f.length - 1);
  return a <= 32 || a >= 0x80 || z <= 32 || z >= 0x80 ? f.trim() : f;
}

/**
 * CSV bytes → batches of rows (one batch per chunk), header first. See the module comment for what the fast
 * path takes; the rows are the same either way.
 */
export async function* fastCsvRows(
  input: AsyncIterable<Uint8Array>,
  options: FastCsvOptions,
): AsyncIterable<TabularRow | TabularRow[]> {
  const it = input[Symbol.asyncIterator]();
  try {
    yield* readRows(it, options);
  } finally {
    // the reader stopped early (a bad header, an error downstream): let the source close too
    await it.return?.();
  }
}

async function* readRows(
  it: AsyncIterator<Uint8Array>,
  options: FastCsvOptions,
): AsyncIterable<TabularRow | TabularRow[]> {
  const delimiter = options.delimiter ?? ",";
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const encoder = new TextEncoder();
  let pending: Uint8Array = new Uint8Array(0); // undecoded bytes: the start of a character split across chunks
  let carry = ""; // text of the line being read (no line end yet)
  let ending: Ending | null = null;
  let line = 1; // the line `carry` starts on
  let first = true;

  /** The remaining bytes for the full parser: line ends for the lines already read, then `text`, then the rest. */
  async function* rest(text: string): AsyncIterable<Uint8Array> {
    if (line > 1) yield encoder.encode((ending ?? "\n").repeat(line - 1));
    if (text !== "") yield encoder.encode(text);
    if (pending.length > 0) yield pending;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }

  if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === "\n" || delimiter === "\r") {
    yield* options.fallback(rest(""));
    return;
  }

  /**
   * Splits the complete lines of `s` from `start` into rows (at most BATCH_ROWS); returns the index where unread
   * text starts, or -1 - index when the full parser must take over from there (the start of the line that needs it).
   */
  let quoteAt = Infinity; // the first quote and the next \r in the text being read (Infinity: none)
  let crAt = Infinity;
  function lines(s: string, start: number, batch: TabularRow[], final: boolean): number {
    for (;;) {
      if (batch.length >= BATCH_ROWS) return start;
      let end = s.indexOf("\n", start);
      if (ending === null) {
        // The first line end decides, as csv-parse discovers it: \r\n, \n, else a lone \r (not taken here).
        if (crAt < end || (end < 0 && crAt !== Infinity)) {
          if (crAt + 1 === s.length && !final) return start; // \r at the chunk's end: wait for the next byte
          if (crAt + 1 !== end) return -1 - start;
          ending = "\r\n";
        } else if (end >= 0) ending = "\n";
      }
      if (end < 0) {
        if (!final) return start;
        end = s.length;
        if (start === end) return end;
      }
      let stop = end; // where the line's text ends
      if (ending === "\r\n" && end < s.length) {
        if (s.charCodeAt(end - 1) !== CR || end - 1 < start) return -1 - start;
        stop = end - 1;
        if (crAt < stop) return -1 - start;
        crAt = s.indexOf("\r", end + 1);
        if (crAt < 0) crAt = Infinity;
      } else if (crAt < end) return -1 - start; // a \r in a \n file (or after the last \r\n): csv-parse's quirks
      if (quoteAt < end) return -1 - start;
      if (stop > start) {
        const cells: string[] = [];
        let from = start;
        for (let d = s.indexOf(delimiter, from); d >= 0 && d < stop; d = s.indexOf(delimiter, from)) {
          cells.push(cell(s, from, d));
          from = d + 1;
        }
        const lastCell = cell(s, from, stop);
        // skip_empty_lines with trim: a line of white space only is no record
        if (cells.length > 0 || lastCell !== "") {
          cells.push(lastCell);
          batch.push({ line, cells });
        }
      }
      line++;
      start = end + 1;
      if (start >= s.length) return s.length;
    }
  }

  for (;;) {
    const r = await it.next();
    const final = r.done === true;
    let bytes: Uint8Array = r.done ? pending : pending.length > 0 ? concatBytes(pending, r.value) : r.value;
    if (first) {
      if (!final && bytes.length < 3) {
        pending = bytes;
        continue;
      }
      first = false;
      if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        // UTF-16LE BOM: csv-parse switches encoding; leave it all to the full parser
        pending = bytes;
        yield* options.fallback(rest(""));
        return;
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const tail = final ? 0 : incompleteTail(bytes);
    pending = tail > 0 ? bytes.slice(bytes.length - tail) : new Uint8Array(0);
    const text = carry + decoder.decode(tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes);
    quoteAt = text.indexOf(QUOTE);
    if (quoteAt < 0) quoteAt = Infinity;
    crAt = text.indexOf("\r");
    if (crAt < 0) crAt = Infinity;
    let at = 0;
    for (;;) {
      const batch: TabularRow[] = [];
      at = lines(text, at, batch, final);
      if (batch.length > 0) yield batch;
      if (at < 0) {
        yield* options.fallback(rest(text.slice(-1 - at)));
        return;
      }
      if (batch.length < BATCH_ROWS) break;
    }
    carry = text.slice(at);
    if (final) return;
    if (carry.length > MAX_LINE) {
      // a line this long would be copied again with every chunk: the full parser reads it in one pass
      yield* options.fallback(rest(carry));
      return;
    }
  }
}
