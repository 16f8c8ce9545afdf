import { and, eq, inArray } from "drizzle-orm";
import { tables } from "@openaims/db";
import { registerLinkTarget } from "../shared/links";

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Other records may link to a model; its label is "name version". */
registerLinkTarget("ai_model", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.aiModels.id, name: tables.aiModels.name, v: tables.aiModels.modelVersion })
    .from(tables.aiModels)
    .where(and(eq(tables.aiModels.orgId, orgId), inArray(tables.aiModels.id, valid)));
  return new Map(rows.map((r) => [r.id, r.v ? `${r.name} ${r.v}` : r.name]));
});
