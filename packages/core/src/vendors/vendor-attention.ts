import type { ComponentAttention } from "../schemas/ai-models";
import type { VendorRiskRating } from "../schemas/vendors";

export interface VendorAttentionInput {
  id: string;
  name: string;
  riskRating: VendorRiskRating | null;
  reviewDate: string | null;
  archivedAt: Date | string | null;
  /** concerns in the vendor's latest completed questionnaire; null when none was completed */
  latestConcerns: number | null;
}

/** A review is overdue once its date has passed (the day after it, UTC); on the day itself it is only due. */
export const vendorReviewOverdue = (reviewDate: string | null, now: Date): boolean =>
  reviewDate !== null && reviewDate < now.toISOString().slice(0, 10);

/**
 * Flags a system inherits from the vendors that supply it (linked to the system, to one of its models or to one of
 * its datasets), computed on read: a stored risk rating of high or critical, a review date that has passed, and
 * concerns in the latest completed due-diligence questionnaire. An archived vendor passes nothing on; a vendor
 * reached by several paths is counted once.
 */
export function vendorAttention(vendors: VendorAttentionInput[], now: Date): ComponentAttention[] {
  const seen = new Set<string>();
  const out: ComponentAttention[] = [];
  for (const v of vendors) {
    if (v.archivedAt || seen.has(v.id)) continue;
    seen.add(v.id);
    const flag = (reason: ComponentAttention["reason"], detail: string) =>
      out.push({ reason, componentType: "vendor", componentId: v.id, label: v.name, detail });
    if (v.riskRating === "high" || v.riskRating === "critical") flag("vendor_high_risk", v.riskRating);
    if (vendorReviewOverdue(v.reviewDate, now)) flag("vendor_review_overdue", v.reviewDate!);
    if (v.latestConcerns) flag("vendor_questionnaire_concerns", String(v.latestConcerns));
  }
  return out;
}
