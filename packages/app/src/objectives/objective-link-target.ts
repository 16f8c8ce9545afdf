import { and, eq, inArray } from "drizzle-orm";
import { tables } from "@openaims/db";
import { registerLinkTarget } from "../shared/links";

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Other records (tasks, evidence, documents) may link to an objective; its label is its title. */
registerLinkTarget("objective", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.objectives.id, title: tables.objectives.title })
    .from(tables.objectives)
    .where(and(eq(tables.objectives.orgId, orgId), inArray(tables.objectives.id, valid)));
  return new Map(rows.map((r) => [r.id, r.title]));
});
