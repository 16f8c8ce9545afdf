import { stringify } from "csv-stringify/sync";
import {
  aiSystemCsvExportColumns,
  aiSystemCsvRecord,
  AiSystemExportQuery,
  aiSystemPolicy,
  authorize,
  type Actor,
} from "@openaims/core";
import type { z } from "zod";
import type { AppContext } from "../shared/context";
import { parseInput, presentAiSystem } from "./ai-system-records";
import { selectAiSystemPage } from "./ai-system-query";

const EXPORT_PAGE = 1000;

export interface AiSystemExport {
  filename: string;
  /** CSV text in chunks: the header (with a BOM, for spreadsheets), then one chunk per page of rows */
  chunks: AsyncIterable<string>;
}

/**
 * Every system matching the list filters, as CSV that the import accepts back. Rows are read page by page as
 * the client consumes them, so memory stays flat and no transaction is held open during a slow download.
 */
export async function exportAiSystems(
  ctx: AppContext,
  actor: Actor,
  input: z.input<typeof AiSystemExportQuery>,
): Promise<AiSystemExport> {
  authorize(actor, aiSystemPolicy, "read", { archivedAt: null });
  const { sort, ...filter } = parseInput(AiSystemExportQuery, input);
  const { db } = ctx.database;
  async function* chunks(): AsyncIterable<string> {
    yield stringify([[...aiSystemCsvExportColumns]], { bom: true, record_delimiter: "\r\n" });
    let cursor: string | undefined;
    do {
      const page = await selectAiSystemPage(db, actor.orgId, filter, sort, EXPORT_PAGE, cursor, {
        withTotal: false,
      });
      const records = page.rows.map((r) =>
        aiSystemCsvRecord(presentAiSystem(actor, r.row, null), r.ownerEmail),
      );
      if (records.length > 0) yield stringify(records, { record_delimiter: "\r\n" });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const day = ctx.now().toISOString().slice(0, 10);
  return { filename: `ai-systems-${day}.csv`, chunks: chunks() };
}
