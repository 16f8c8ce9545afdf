import { and, desc, eq, inArray, or } from "drizzle-orm";
import { vendorAttention, type ComponentAttention, type VendorRiskRating } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";

const { recordLinks: rl, vendors, vendorQuestionnaireResponses: responses } = tables;

/**
 * The attention a system inherits from the vendors supplying it: those linked to the system itself, to one of its
 * models or to one of its datasets (the rule is core `vendorAttention`). Three queries whatever the count.
 */
export async function inheritedVendorAttention(
  db: Executor,
  orgId: string,
  components: { systemId: string; modelIds: string[]; datasetIds: string[] },
  now: Date,
): Promise<ComponentAttention[]> {
  const { systemId, modelIds, datasetIds } = components;
  const links = await db
    .selectDistinct({ vendorId: rl.sourceId })
    .from(rl)
    .where(
      and(
        eq(rl.orgId, orgId),
        eq(rl.sourceType, "vendor"),
        or(
          and(eq(rl.targetType, "ai_system"), eq(rl.targetId, systemId)),
          modelIds.length > 0
            ? and(eq(rl.targetType, "ai_model"), inArray(rl.targetId, modelIds))
            : undefined,
          datasetIds.length > 0
            ? and(eq(rl.targetType, "dataset"), inArray(rl.targetId, datasetIds))
            : undefined,
        ),
      ),
    );
  const ids = links.map((l) => l.vendorId);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)))
    .orderBy(vendors.name, vendors.id);
  // the latest completed response per vendor: DISTINCT ON (vendor_id) ordered by number
  const latest = await db
    .selectDistinctOn([responses.vendorId], {
      vendorId: responses.vendorId,
      concerns: responses.concernCount,
    })
    .from(responses)
    .where(and(eq(responses.orgId, orgId), inArray(responses.vendorId, ids)))
    .orderBy(responses.vendorId, desc(responses.number));
  const concerns = new Map(latest.map((l) => [l.vendorId, l.concerns]));
  return vendorAttention(
    rows.map((v) => ({
      id: v.id,
      name: v.name,
      riskRating: v.riskRating as VendorRiskRating | null,
      reviewDate: v.reviewDate,
      archivedAt: v.archivedAt,
      latestConcerns: concerns.get(v.id) ?? null,
    })),
    now,
  );
}
