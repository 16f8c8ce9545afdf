import { z } from "zod";
import { ComponentAttention } from "./ai-models";
import { Uuid } from "./common";

/** The inventory records a component graph shows: AI systems and what they are made of and supplied by. */
export const inventoryNodeTypes = ["ai_system", "ai_model", "dataset", "vendor"] as const;
export type InventoryNodeType = (typeof inventoryNodeTypes)[number];

const rootPattern = new RegExp(
  `^(${inventoryNodeTypes.join("|")}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
  "i",
);

/** `root=kind:id`, e.g. `ai_system:5f0c…`. */
export const InventoryGraphQuery = z.strictObject({
  root: z.string().regex(rootPattern, {
    message: `must be kind:id with kind one of ${inventoryNodeTypes.join(", ")}`,
  }),
});
export type InventoryGraphQuery = z.infer<typeof InventoryGraphQuery>;

export const InventoryNode = z.object({
  /** `type:id`, the key edges refer to */
  key: z.string(),
  type: z.enum(inventoryNodeTypes),
  id: Uuid,
  label: z.string(),
  archived: z.boolean(),
  /** how many links away from the root (0 = the root) */
  depth: z.number().int(),
  /**
   * On an AI system: the flags its live components and their vendors pass on (inherited). On a model, dataset or
   * vendor: the flags it raises itself (a live GPAI model, live special-category data, a high-risk vendor …).
   */
  attention: z.array(ComponentAttention),
});
export type InventoryNode = z.infer<typeof InventoryNode>;

/** A component link, from the record that stores it (model, dataset, vendor) to what it is used in or supplies. */
export const InventoryEdge = z.object({ from: z.string(), to: z.string() });
export type InventoryEdge = z.infer<typeof InventoryEdge>;

export const InventoryGraphView = z.object({
  root: z.string(),
  nodes: z.array(InventoryNode),
  edges: z.array(InventoryEdge),
  /** more records were reachable than the graph holds (it stops at 2 links from the root or 100 nodes) */
  truncated: z.boolean(),
});
export type InventoryGraphView = z.infer<typeof InventoryGraphView>;
