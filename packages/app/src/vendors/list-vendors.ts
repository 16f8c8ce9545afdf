import { eq } from "drizzle-orm";
import {
  abilitiesOf,
  aiModelPolicy,
  VendorListQuery,
  authorize,
  type Actor,
  type VendorListQueryInput,
  type VendorPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { listByName } from "../shared/name-keyset-list";
import { presentVendorSummary } from "./vendor-records";

const { vendors } = tables;

/** Vendors by name, keyset-paged on (name, id); filter by `q` (name, supplies, contract reference) and `riskRating`. */
export async function listVendors(
  ctx: AppContext,
  actor: Actor,
  input: VendorListQueryInput,
): Promise<VendorPage> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  const { riskRating, ...query } = parseInput(VendorListQuery, input);
  const filters = riskRating ? [eq(vendors.riskRating, riskRating)] : [];
  const page = await listByName(ctx.database.db, vendors, actor.orgId, query, {
    searchIn: [vendors.name, vendors.supplies, vendors.contractReference],
    filters,
    present: (row) => presentVendorSummary(actor, row),
  });
  return { ...page, abilities: abilitiesOf(actor, aiModelPolicy, { archivedAt: null }) };
}
