import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, id, tenant } from "./base";

/**
 * Links between management-system records (see core `links.ts`): source → target. Framework nodes are targets
 * `framework_node` / `frameworkId:nodeId`. Rows are inserted and deleted, never updated.
 */
export const recordLinks = pgTable(
  "record_links",
  {
    id: id(),
    ...tenant(),
    sourceType: text("source_type").notNull(),
    sourceId: text("source_id").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("record_links_key").on(t.orgId, t.sourceType, t.sourceId, t.targetType, t.targetId),
    index("record_links_target_idx").on(t.orgId, t.targetType, t.targetId),
  ],
);
