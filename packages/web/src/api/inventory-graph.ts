import type { InventoryEdge, InventoryGraphView, InventoryNode, InventoryNodeType } from "@openaims/core";
import { orgPath, request } from "./client";

export type { InventoryEdge, InventoryGraphView, InventoryNode, InventoryNodeType };

export const inventoryGraphApi = {
  /** The component graph around one AI system, model, dataset or vendor. */
  get: (orgId: string, type: InventoryNodeType, id: string, signal?: AbortSignal) =>
    request<InventoryGraphView>("GET", orgPath(orgId, "inventory-graph"), {
      query: { root: `${type}:${id}` },
      signal,
    }),
};
