import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { IMPACT_REVIEW_NOTICE_DAYS, type GeneratedTaskSpec, type ImpactReviewTrigger } from "@openaims/core";
import { tables } from "@openaims/db";
import { addDays, type TaskSource } from "../tasks/sources/task-source";

const { impactAssessments: ia, aiSystems, recordLinks, incidents } = tables;

/**
 * Review triggers of approved impact assessments (not archived), one task per assessment and trigger
 * (`impact_assessment_review:<id>:<trigger>`), for the owner (else the author), about the assessment:
 * - `scheduled`: `next_review_date` is within 30 days or past;
 * - `system_changed`: the AI system's `version` moved past the one recorded at the last approval or review;
 * - `incident`: an incident involving the system was reported after the last approval or review.
 * Approving a new version or marking the assessment reviewed resets the baseline, so the tasks close themselves.
 */
export const impactAssessmentReviewSource: TaskSource = {
  origin: "impact_assessment_review",
  async wanted(db, orgId, today) {
    const lastIncident = sql<string | null>`(
      select to_char(max(${incidents.createdAt}) at time zone 'UTC', 'YYYY-MM-DD')
      from ${recordLinks} join ${incidents}
        on ${incidents.orgId} = ${recordLinks.orgId} and ${incidents.id}::text = ${recordLinks.sourceId}
      where ${recordLinks.orgId} = ${ia.orgId} and ${recordLinks.sourceType} = 'incident'
        and ${recordLinks.targetType} = 'ai_system' and ${recordLinks.targetId} = ${ia.aiSystemId}::text
        and ${incidents.createdAt} > ${ia.reviewedAt})`;
    const rows = await db
      .select({
        id: ia.id,
        title: ia.title,
        assigneeId: sql<string | null>`coalesce(${ia.ownerId}, ${ia.authorId})`,
        nextReviewDate: ia.nextReviewDate,
        baseline: ia.baselineSystemVersion,
        systemVersion: aiSystems.version,
        systemName: aiSystems.name,
        lastIncident,
      })
      .from(ia)
      .innerJoin(aiSystems, and(eq(aiSystems.orgId, ia.orgId), eq(aiSystems.id, ia.aiSystemId)))
      .where(and(eq(ia.orgId, orgId), isNotNull(ia.approvedVersion), isNull(ia.archivedAt)));
    const soon = addDays(today, IMPACT_REVIEW_NOTICE_DAYS);
    const specs: GeneratedTaskSpec[] = [];
    const spec = (
      r: (typeof rows)[number],
      trigger: ImpactReviewTrigger,
      why: string,
      dueDate: string,
      high: boolean,
    ): GeneratedTaskSpec => ({
      origin: "impact_assessment_review",
      originKey: `impact_assessment_review:${r.id}:${trigger}`,
      title: `Review impact assessment "${r.title}"`,
      description:
        `${why} Check whether the assessment still holds: mark it as reviewed, or start a revision and have it ` +
        "approved again; this task then closes itself.",
      assigneeId: r.assigneeId,
      dueDate,
      priority: high ? "high" : "medium",
      subject: { type: "impact_assessment", id: r.id },
    });
    for (const r of rows) {
      if (r.nextReviewDate && r.nextReviewDate <= soon)
        specs.push(
          spec(
            r,
            "scheduled",
            `The scheduled review is due on ${r.nextReviewDate}${r.nextReviewDate < today ? " and overdue" : ""}.`,
            r.nextReviewDate,
            r.nextReviewDate < today,
          ),
        );
      if (r.baseline !== null && r.systemVersion > r.baseline)
        specs.push(
          spec(
            r,
            "system_changed",
            `The AI system "${r.systemName}" changed after the assessment was approved.`,
            addDays(today, 30),
            false,
          ),
        );
      if (r.lastIncident)
        specs.push(
          spec(
            r,
            "incident",
            `An incident involving "${r.systemName}" was reported on ${r.lastIncident}, after the assessment was approved.`,
            addDays(today, 14),
            true,
          ),
        );
    }
    return specs;
  },
};
