import { linkedControlIds, type ImpactAssessmentContent } from "@openaims/core";
import type { Executor } from "@openaims/db";
import { replaceLinks, validateLinkTargets } from "../shared/links";

/**
 * The applied controls the harms' mitigations name become the assessment's `record_links` (source
 * `impact_assessment`, target `applied_control`), so a control shows which assessments rely on it. Each harm's ids
 * are checked first, so a bad id is reported at its own field (`content.harms.2.appliedControlIds.0`).
 */
export async function syncAssessmentControls(
  tx: Executor,
  orgId: string,
  id: string,
  content: ImpactAssessmentContent,
  userId: string,
): Promise<void> {
  for (const [i, h] of content.harms.entries())
    if (h.appliedControlIds.length > 0)
      await validateLinkTargets(
        tx,
        orgId,
        h.appliedControlIds.map((c) => ({ type: "applied_control" as const, id: c })),
        `content.harms.${i}.appliedControlIds`,
      );
  const targets = linkedControlIds(content).map((c) => ({ type: "applied_control" as const, id: c }));
  await replaceLinks(tx, orgId, { type: "impact_assessment", id }, targets, userId);
}
