import { and, eq, inArray } from "drizzle-orm";
import { tables } from "@openaims/db";
import { registerLinkTarget } from "../shared/links";

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Other records may link to a dataset; its label is its name. */
registerLinkTarget("dataset", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.datasets.id, name: tables.datasets.name })
    .from(tables.datasets)
    .where(and(eq(tables.datasets.orgId, orgId), inArray(tables.datasets.id, valid)));
  return new Map(rows.map((r) => [r.id, r.name]));
});
