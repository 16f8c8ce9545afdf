import { parse } from "csv-parse/sync";
import {
  checkAiSystemCsvHeader,
  DomainError,
  invalidInput,
  MAX_IMPORT_ROWS,
  type FieldIssue,
} from "@openaims/core";

export interface CsvRecord {
  /** the line the record starts on; the header is line 1 */
  line: number;
  values: Record<string, string>;
}
export interface CsvRowError {
  line: number;
  issues: FieldIssue[];
}
export interface AiSystemCsvFile {
  header: string[];
  records: CsvRecord[];
  /** records that could not be read at all: broken quoting, a wrong number of fields */
  errors: CsvRowError[];
}

const newlines = (s: string) => s.split("\n").length - 1;
/**
 * Reads the CSV text into records keyed by the header's column names. File-level problems (empty, a bad header,
 * too many rows) throw; problems of single records are returned as line errors so the rest can still be checked.
 */
export function readAiSystemCsv(text: string): AiSystemCsvFile {
  // One record delimiter for the parser, whatever the file uses; quoted line breaks become \n as well.
  const normalized = text.replace(/\r\n?/g, "\n");
  if (normalized.replace(/^\uFEFF/, "").trim() === "") {
    throw invalidInput("The file is empty; the first line must name the columns, e.g. name,purpose,…", {
      issues: [{ path: "(file)", message: "is empty" }],
    });
  }
  const errors: CsvRowError[] = [];
  const onError = (err: { message: string; lines?: number } | undefined) => {
    if (!err) return;
    const line = err.lines ?? 0;
    const issue = { path: "(csv)", message: err.message };
    // a broken quote can trip the parser twice on one line; report the line once
    const same = errors.find((e) => e.line === line);
    if (same) same.issues.push(issue);
    else errors.push({ line, issues: [issue] });
  };
  let parsed: { record: string[]; info: { lines: number } }[] = [];
  try {
    parsed = parse(normalized, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        onError(err);
        return undefined;
      },
    }) as unknown as typeof parsed;
  } catch (e) {
    onError(e as { message: string; lines?: number });
  }
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, f) => n + newlines(f), 0);
  const [head, ...rows] = parsed;
  if (!head || errors.some((e) => e.line <= startLine(head))) {
    throw invalidInput("The first line of the file must be the header naming the columns.", {
      issues: [{ path: "(header)", message: errors[0]?.issues[0]?.message ?? "is missing" }],
    });
  }
  const header = head.record.map((h) => h.trim().toLowerCase());
  const headerIssues = checkAiSystemCsvHeader(header);
  if (headerIssues.length > 0) {
    throw invalidInput(
      `The header line is not valid: ${headerIssues[0]!.path}: ${headerIssues[0]!.message}`,
      {
        issues: headerIssues,
      },
    );
  }
  if (rows.length + errors.length > MAX_IMPORT_ROWS) {
    throw new DomainError(
      "payload_too_large",
      `The file has ${rows.length + errors.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once. Split the file.`,
    );
  }
  const records: CsvRecord[] = [];
  for (const { record, info } of rows) {
    const line = startLine({ record, info });
    if (record.length !== header.length) {
      errors.push({
        line,
        issues: [
          { path: "(row)", message: `has ${record.length} fields but the header has ${header.length}` },
        ],
      });
      continue;
    }
    records.push({ line, values: Object.fromEntries(header.map((h, i) => [h, record[i]!])) });
  }
  errors.sort((a, b) => a.line - b.line);
  return { header, records, errors };
}
