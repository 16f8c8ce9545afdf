import { parse } from "csv-parse";
import { SingleBar } from "cli-progress";
import { checkAiSystemCsvHeader, parseAiSystemCsvRow, type FieldIssue } from "@openaims/core";

export interface RowError {
  line: number;
  issues: FieldIssue[];
}
export interface CsvCheck {
  headerIssues: FieldIssue[];
  total: number;
  errors: RowError[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; bytes: number };
}
const newlines = (s: string) => s.split("\n").length - 1;
/** the line a record starts on (the header is line 1), as the server counts it */
const startLine = (r: ParsedRecord) => r.info.lines - r.record.reduce((n, f) => n + newlines(f), 0);

/**
 * Validates an AI system CSV with the rules the server applies (same header check, same row schema, same line
 * numbers), so a broken file fails before anything is sent. Draws a progress bar on `progress` (a terminal).
 */
export async function checkAiSystemCsv(text: string, progress?: NodeJS.WritableStream): Promise<CsvCheck> {
  const normalized = text.replace(/\r\n?/g, "\n");
  const result: CsvCheck = { headerIssues: [], total: 0, errors: [] };
  if (normalized.replace(/^\uFEFF/, "").trim() === "") {
    return {
      ...result,
      headerIssues: [{ path: "(file)", message: "is empty; expected a header line first" }],
    };
  }
  const size = Buffer.byteLength(normalized);
  const bar = progress
    ? new SingleBar({
        stream: progress,
        format: "Checking rows [{bar}] {percentage}% | {rows} rows",
        clearOnComplete: true,
        hideCursor: true,
      })
    : null;
  bar?.start(size, 0, { rows: 0 });
  let header: string[] | null = null;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err)
        result.errors.push({
          line: Number(err.lines ?? 0),
          issues: [{ path: "(csv)", message: err.message }],
        });
      return undefined;
    },
  });
  const onRecord = (r: ParsedRecord) => {
    if (!header) {
      header = r.record.map((h) => h.trim().toLowerCase());
      result.headerIssues = checkAiSystemCsvHeader(header);
      return;
    }
    result.total++;
    const line = startLine(r);
    if (r.record.length !== header.length) {
      const message = `has ${r.record.length} fields but the header has ${header.length}`;
      result.errors.push({ line, issues: [{ path: "(row)", message }] });
    } else {
      const values = Object.fromEntries(header.map((h, i) => [h, r.record[i]!]));
      const parsed = parseAiSystemCsvRow(values, line);
      if (!parsed.ok) result.errors.push({ line, issues: parsed.errors });
    }
    if (result.total % 100 === 0) bar?.update(r.info.bytes, { rows: result.total });
  };
  await new Promise<void>((resolve, reject) => {
    parser.on("readable", () => {
      let r: ParsedRecord | null;
      while ((r = parser.read() as ParsedRecord | null) !== null) onRecord(r);
    });
    parser.on("error", reject);
    parser.on("end", resolve);
    parser.end(normalized);
  }).catch((e: Error & { lines?: number }) => {
    result.errors.push({ line: e.lines ?? 0, issues: [{ path: "(csv)", message: e.message }] });
  });
  bar?.update(size, { rows: result.total });
  bar?.stop();
  if (!header) result.headerIssues = [{ path: "(header)", message: "is missing" }];
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
