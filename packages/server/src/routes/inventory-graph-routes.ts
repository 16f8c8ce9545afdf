import { InventoryGraphQuery, InventoryGraphView } from "@openaims/core";
import { getInventoryGraph } from "@openaims/app";
import type { ServerDeps, ZodApp } from "../deps";
import { OrgParams } from "./route-kit";

/** The component graph of the AI inventory (issue 4 §1): systems, models, datasets and vendors around one record. */
export async function inventoryGraphRoutes(app: ZodApp, { ctx }: ServerDeps): Promise<void> {
  app.get(
    "/api/v1/orgs/:orgId/inventory-graph",
    {
      schema: {
        tags: ["models"],
        summary: "The component graph around one AI system, model, dataset or vendor",
        description:
          "`ai_system.read`. `root=kind:id` (kind `ai_system`, `ai_model`, `dataset` or `vendor`). Nodes within " +
          "two links of the root (≤ 100, nearest first; `truncated` otherwise), the component links between them " +
          "(`from` = the record storing the link) and attention flags: inherited on systems, raised on models and " +
          "datasets. A malformed root → 400; an unknown or another org's record → 404.",
        params: OrgParams,
        querystring: InventoryGraphQuery,
        response: { 200: InventoryGraphView },
      },
    },
    async (request) => getInventoryGraph(ctx, await request.actorFor(request.params.orgId), request.query),
  );
}
