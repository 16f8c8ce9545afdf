import { and, eq } from "drizzle-orm";
import {
  authorize,
  impactAssessmentPolicy,
  impactAssessmentTemplates,
  notFound,
  type Actor,
  type ImpactAssessmentTemplate,
  type ImpactAssessmentVersionKind,
  type ImpactAssessmentVersionView,
  type ImpactAssessmentView,
  type ImpactSummary,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { contentOf, findAssessment, readAssessment } from "./impact-assessment-records";

/** One assessment with its content, ratings, gaps, versions, notifications, linked controls and abilities. */
export function getImpactAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ImpactAssessmentView> {
  return readAssessment(ctx.database.db, actor, id);
}

/** One frozen version, exactly as it was submitted or approved. */
export async function getImpactAssessmentVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  number: number,
): Promise<ImpactAssessmentVersionView> {
  authorize(actor, impactAssessmentPolicy, "read", {});
  const db = ctx.database.db;
  const row = await findAssessment(db, actor.orgId, id);
  const v = tables.impactAssessmentVersions;
  const [found] = await db
    .select({ v, name: tables.users.name })
    .from(v)
    .leftJoin(tables.users, eq(tables.users.id, v.createdBy))
    .where(and(eq(v.orgId, actor.orgId), eq(v.assessmentId, id), eq(v.number, number)));
  if (!found) throw notFound(`Version ${number} of this impact assessment`);
  const r = found.v;
  return {
    number: r.number,
    kind: r.kind as ImpactAssessmentVersionKind,
    status:
      r.kind === "submitted" ? "submitted" : r.number === row.approvedVersion ? "approved" : "superseded",
    revision: r.revision,
    note: r.note,
    createdBy: r.createdBy,
    createdByName: r.createdBy ? found.name : null,
    createdAt: r.createdAt.toISOString(),
    title: r.title,
    variant: r.variant as ImpactAssessmentVersionView["variant"],
    templateId: r.templateId,
    content: contentOf(r.content),
    summary: r.summary as unknown as ImpactSummary,
    authorId: r.authorId,
    editorIds: r.editorIds,
    systemVersion: r.systemVersion,
  };
}

/** The template data (sections, guidance, fields) the web form and CLI draw from. */
export function listImpactAssessmentTemplates(actor: Actor): { items: ImpactAssessmentTemplate[] } {
  authorize(actor, impactAssessmentPolicy, "read", {});
  return { items: [...impactAssessmentTemplates] };
}
