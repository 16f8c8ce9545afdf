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

/**
 * Validates an AI system CSV with the schema the server uses, before anything is sent, so a broken file fails
 * fast with line numbers. Draws a progress bar on `progress` (a terminal) for large files.
 */
export async function checkAiSystemCsv(text: string, progress?: NodeJS.WritableStream): Promise<CsvCheck> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const bar = progress
    ? new SingleBar({
        stream: progress,
        format: "Checking rows [{bar}] {percentage}% | {rows} rows",
        clearOnComplete: true,
        hideCursor: true,
      })
    : null;
  bar?.start(Buffer.byteLength(text), 0, { rows: 0 });
  let header: string[] | null = null;
  const result: CsvCheck = { headerIssues: [], total: 0, errors: [] };
  const done = new Promise<void>((resolve) => {
    parser.on("readable", () => {
      let r: { record: string[]; info: { lines: number; bytes: number } } | null;
      while ((r = parser.read()) !== null) {
        if (!header) {
          header = r.record.map((h) => h.trim());
          result.headerIssues = checkAiSystemCsvHeader(header);
          continue;
        }
        result.total++;
        const line = r.info.lines;
        if (r.record.length !== header.length) {
          result.errors.push({
            line,
            issues: [
              { path: "(row)", message: `has ${r.record.length} cells; the header has ${header.length}` },
            ],
          });
        } else {
          const record = Object.fromEntries(header.map((h, i) => [h, r!.record[i] ?? ""]));
          const parsed = parseAiSystemCsvRow(record, line);
          if (!parsed.ok) result.errors.push({ line, issues: parsed.errors });
        }
        if (result.total % 200 === 0) bar?.update(r.info.bytes, { rows: result.total });
      }
    });
    parser.on("error", (e: Error & { lines?: number }) => {
      result.errors.push({ line: e.lines ?? 0, issues: [{ path: "(csv)", message: e.message }] });
      resolve();
    });
    parser.on("end", () => resolve());
  });
  parser.end(text);
  await done;
  bar?.update(Buffer.byteLength(text), { rows: result.total });
  bar?.stop();
  if (!header) result.headerIssues = [{ path: "(file)", message: "is empty; expected a header row" }];
  return result;
}
