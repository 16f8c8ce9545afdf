import { and, eq, inArray } from "drizzle-orm";
import {
  authorize,
  diffAssessmentVersions,
  impactAssessmentPolicy,
  linkedControlIds,
  notFound,
  type Actor,
  type DiffableAssessmentVersion,
  type ImpactAssessmentVariant,
  type ImpactAssessmentVersionDiffView,
  type ImpactSummary,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { contentOf, findAssessment } from "./impact-assessment-records";

/**
 * What changed from frozen version `from` to version `to` of one assessment (either order; the same number
 * gives `same: true`). Another organization's assessment, or a version that does not exist, is a 404. Applied
 * controls in the harms are named (an archived control keeps its name; an unknown id stays as it is).
 */
export async function diffImpactAssessmentVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
  from: number,
  to: number,
): Promise<ImpactAssessmentVersionDiffView> {
  authorize(actor, impactAssessmentPolicy, "read", {});
  const db = ctx.database.db;
  await findAssessment(db, actor.orgId, id);
  const v = tables.impactAssessmentVersions;
  const rows = await db
    .select()
    .from(v)
    .where(and(eq(v.orgId, actor.orgId), eq(v.assessmentId, id), inArray(v.number, [from, to])));
  const side = (n: number): DiffableAssessmentVersion => {
    const r = rows.find((x) => x.number === n);
    if (!r) throw notFound(`Version ${n} of this impact assessment`);
    return {
      number: r.number,
      title: r.title,
      variant: r.variant as ImpactAssessmentVariant,
      templateId: r.templateId,
      content: contentOf(r.content),
      summary: r.summary as unknown as ImpactSummary,
    };
  };
  const a = side(from);
  const b = side(to);
  const ids = [...new Set([...linkedControlIds(a.content), ...linkedControlIds(b.content)])];
  const ac = tables.appliedControls;
  const names =
    ids.length === 0
      ? []
      : await db
          .select({ id: ac.id, name: ac.name })
          .from(ac)
          .where(and(eq(ac.orgId, actor.orgId), inArray(ac.id, ids)));
  const label = new Map(names.map((n) => [n.id, n.name]));
  return diffAssessmentVersions(a, b, (cid) => label.get(cid) ?? cid);
}
