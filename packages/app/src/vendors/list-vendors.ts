import { and, eq, inArray, sql } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  VendorListQuery,
  authorize,
  type Actor,
  type VendorListQueryInput,
  type VendorPage,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listByName } from "../shared/name-keyset-list";
import { presentVendorSummary } from "./vendor-records";

const { vendors, recordLinks: rl } = tables;

/** The ids of the vendors linked to a model, as a subquery (link ids are text). */
const suppliersOf = (db: Executor, orgId: string, modelId: string) =>
  db
    .select({ id: rl.sourceId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, orgId),
        eq(rl.sourceType, "vendor"),
        eq(rl.targetType, "ai_model"),
        eq(rl.targetId, modelId),
      ),
    );

/** Vendors by name, keyset-paged on (name, id); filter by `q` (name, supplies, contract reference), `riskRating` and `model` (its suppliers). */
export async function listVendors(
  ctx: AppContext,
  actor: Actor,
  input: VendorListQueryInput,
): Promise<VendorPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { riskRating, model, ...query } = parseInput(VendorListQuery, input);
  const filters = riskRating ? [eq(vendors.riskRating, riskRating)] : [];
  if (model)
    filters.push(inArray(sql`${vendors.id}::text`, suppliersOf(ctx.database.db, actor.orgId, model)));
  const page = await listByName(ctx.database.db, vendors, actor.orgId, query, {
    searchIn: [vendors.name, vendors.supplies, vendors.contractReference],
    filters,
    present: (row) => presentVendorSummary(actor, row),
  });
  return { ...page, abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: null }) };
}
