import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import {
  authorize,
  escapeCsvFormula,
  raciLetterLabels,
  raciLetters,
  raciPartyKey,
  raciPolicy,
  RaciExportQuery,
  type Actor,
  type RaciMatrixView,
} from "@openaims/core";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { loadRaciMatrix } from "./raci-records";

export interface RaciExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** The grid as rows of text: header, then one row per activity (letters under their column). */
function gridOf(m: RaciMatrixView): string[][] {
  const header = [
    "Activity",
    "Framework node",
    ...m.columns.map((c) => (c.active ? c.label : `${c.label} (inactive)`)),
    "Check",
  ];
  const issuesOf = new Map<string, string[]>();
  for (const i of m.issues) issuesOf.set(i.activityId, [...(issuesOf.get(i.activityId) ?? []), i.message]);
  const rows = m.activities.map((a) => {
    const letters = new Map(a.assignments.map((x) => [raciPartyKey(x), x.letter]));
    return [
      a.title,
      a.frameworkNode?.label ?? "",
      ...m.columns.map((c) => letters.get(raciPartyKey(c)) ?? ""),
      (issuesOf.get(a.id) ?? []).join(" "),
    ];
  });
  return [header, ...rows];
}

/** The RACI matrix as CSV (BOM, CRLF, formula-escaped) or as an XLSX workbook with a legend sheet. */
export async function exportRaciMatrix(
  ctx: AppContext,
  actor: Actor,
  input: { format?: string },
): Promise<RaciExport> {
  authorize(actor, raciPolicy, "export", {});
  const { format } = parseInput(RaciExportQuery, input);
  const matrix = await loadRaciMatrix(ctx.database.db, actor);
  const grid = gridOf(matrix);
  const day = ctx.now().toISOString().slice(0, 10);
  if (format === "csv") {
    const text = stringify(
      grid.map((r) => r.map(escapeCsvFormula)),
      { bom: true, record_delimiter: "\r\n" },
    );
    return {
      filename: `raci-${day}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: Buffer.from(text, "utf8"),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "OpenAIMS";
  wb.created = ctx.now();
  const sheet = wb.addWorksheet("RACI", { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  // cells are written as plain strings, so nothing a user typed can become a formula in the workbook
  for (const row of grid) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 45;
  sheet.getColumn(2).width = 30;
  for (let c = 3; c <= grid[0]!.length - 1; c++) {
    sheet.getColumn(c).width = 16;
    sheet.getColumn(c).alignment = { horizontal: "center" };
  }
  sheet.getColumn(grid[0]!.length).width = 50;
  const legend = wb.addWorksheet("Legend");
  legend.addRow(["Letter", "Meaning"]).font = { bold: true };
  for (const l of raciLetters) legend.addRow([l, raciLetterLabels[l]]);
  legend.addRow([]);
  legend.addRow(["Rule", "Every activity has exactly one A."]);
  legend.addRow(["Complete", matrix.complete ? "yes" : "no"]);
  legend.getColumn(2).width = 50;
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    filename: `raci-${day}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body,
  };
}
