import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import {
  authorize,
  escapeCsvFormula,
  soaExportColumns,
  soaExportRow,
  soaPolicy,
  SoaExportQuery,
  summarizeSoa,
  type Actor,
  type SoaSnapshotEntry,
} from "@openaims/core";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { isoDay } from "./get-soa";
import { findSoaSnapshot, findSoaVersionSummary } from "./soa-version-records";
import { loadSoaWorkingState, toSnapshotEntry } from "./soa-working-state";

export interface SoaExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The SoA as auditors read it: one row per control (Annex A, then additional controls). Without `version` the
 * working state, with it that frozen version. CSV: BOM, CRLF, formula-like cells defused with `'`. XLSX: the
 * table plus a sheet saying which version it is and who approved it.
 */
export async function exportSoa(ctx: AppContext, actor: Actor, input: SoaExportQuery): Promise<SoaExport> {
  authorize(actor, soaPolicy, "export", {});
  const { format, version } = parseInput(SoaExportQuery, input);
  const { db } = ctx.database;
  let entries: SoaSnapshotEntry[];
  let about: [string, string][];
  if (version !== undefined) {
    const [row, snapshot] = await Promise.all([
      findSoaVersionSummary(db, actor.orgId, version),
      findSoaSnapshot(db, actor.orgId, version),
    ]);
    entries = snapshot.entries;
    about = [
      ["Version", String(row.number)],
      ["Status", row.status],
      ["Frozen at", row.createdAt.toISOString()],
      ["Frozen by", row.createdByName ?? ""],
      ["Decided at", row.decidedAt?.toISOString() ?? ""],
      ["Decided by", row.decidedByName ?? ""],
    ];
  } else {
    entries = (await loadSoaWorkingState(db, actor.orgId)).map(toSnapshotEntry);
    about = [["Version", "working state (not approved)"]];
  }
  const day = isoDay(ctx.now());
  const base = `soa-${version !== undefined ? `v${version}` : "working"}-${day}`;
  const grid = [[...soaExportColumns], ...entries.map(soaExportRow)];
  if (format === "csv") {
    const text = stringify(
      grid.map((r) => r.map(escapeCsvFormula)),
      { bom: true, record_delimiter: "\r\n" },
    );
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: Buffer.from(text, "utf8"),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "OpenAIMS";
  wb.created = ctx.now();
  const sheet = wb.addWorksheet("Statement of Applicability", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  // plain strings only: nothing a user typed becomes a formula in the workbook
  for (const row of grid) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const widths = [10, 30, 40, 12, 12, 60, 22, 24, 40, 40, 40, 40];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
    sheet.getColumn(i + 1).alignment = { vertical: "top", wrapText: w >= 40 };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: grid[0]!.length } };
  const summary = summarizeSoa(entries);
  const info = wb.addWorksheet("About");
  info.addRow(["Statement of Applicability (ISO/IEC 42001 6.1.3)"]).font = { bold: true };
  for (const pair of about) info.addRow(pair);
  info.addRow(["Exported at", ctx.now().toISOString()]);
  info.addRow(["Controls", String(summary.total)]);
  info.addRow(["Applicable", String(summary.applicable)]);
  info.addRow(["Not applicable", String(summary.notApplicable)]);
  info.addRow(["Undecided", String(summary.undecided)]);
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 40;
  return { filename: `${base}.xlsx`, contentType: XLSX, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
