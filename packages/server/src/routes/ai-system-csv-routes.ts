import { Readable } from "node:stream";
import { z } from "zod";
import {
  AiSystemExportQuery,
  AiSystemImportReport,
  aiSystemCsvColumns,
  ImportAiSystemsQuery,
  MAX_IMPORT_ROWS,
} from "@openaims/core";
import { exportAiSystems, importAiSystems } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

const tags = ["ai-systems"];
const CsvBody = z.string({ message: "must be CSV text sent with Content-Type: text/csv" }).default("");

export async function aiSystemCsvRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.post(
    "/api/v1/orgs/:orgId/ai-systems/import",
    {
      schema: {
        tags,
        summary: "Import AI systems from CSV",
        description:
          `Send the file as \`Content-Type: text/csv\` (UTF-8, optional BOM, header line first). Columns: ` +
          `${aiSystemCsvColumns.join(", ")} (any subset with name; export columns are accepted). A row with an ` +
          `\`id\` updates that system (only the columns present), a row without one creates a system; ` +
          `\`owner_email\` must be an active member; list cells are separated by \`;\`. At most ` +
          `${MAX_IMPORT_ROWS} rows (413 beyond). \`dryRun=true\` only reports (200). \`mode=all_or_nothing\` ` +
          `(default) stores nothing when a row is invalid and answers 400 \`invalid_input\` with this report ` +
          `as \`error.details\`; \`mode=skip_invalid\` stores the valid rows and reports the others (200).`,
        consumes: ["text/csv"],
        params: OrgParams,
        querystring: ImportAiSystemsQuery,
        body: CsvBody,
        response: { 200: AiSystemImportReport },
      },
    },
    async (request) =>
      importAiSystems(ctx, await request.actorFor(request.params.orgId), request.meta(), {
        csv: request.body,
        ...request.query,
      }),
  );

  app.get(
    "/api/v1/orgs/:orgId/ai-systems/export",
    {
      schema: {
        tags,
        summary: "Export AI systems as CSV",
        description:
          "Every system matching the list filters (no paging), in the list's sort order, as a CSV attachment " +
          "that the import accepts back. Cells that a spreadsheet would run as a formula are prefixed with `'`.",
        produces: ["text/csv"],
        params: OrgParams,
        querystring: AiSystemExportQuery,
        response: { 200: z.string().describe("CSV text") },
      },
    },
    async (request, reply) => {
      const result = await exportAiSystems(ctx, await request.actorFor(request.params.orgId), request.query);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${result.filename}"`)
          .header("cache-control", "no-store")
          // the schema documents the body as CSV text; Fastify pipes a stream without serializing it
          .send(Readable.from(result.chunks) as unknown as string)
      );
    },
  );
}
