import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  assessmentGaps,
  assessmentWarnings,
  authorize,
  impactAssessmentAbilities,
  impactAssessmentPolicy,
  ImpactAssessmentContent,
  invalidInput,
  notFound,
  summarizeImpact,
  type Actor,
  type AuthorityNotificationView,
  type ImpactAssessmentState,
  type ImpactAssessmentStatus,
  type ImpactAssessmentSummaryView,
  type ImpactAssessmentVariant,
  type ImpactAssessmentVersionKind,
  type ImpactAssessmentVersionSummary,
  type ImpactAssessmentView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf, registerLinkTarget } from "../shared/links";

const { impactAssessments, impactAssessmentVersions, impactAssessmentNotifications, aiSystems, users } =
  tables;
const { aiSystemClassifications } = tables;
export type ImpactAssessmentRow = typeof impactAssessments.$inferSelect;

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// Tasks (review triggers) and other records point at assessments: the label is the title.
registerLinkTarget("impact_assessment", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: impactAssessments.id, title: impactAssessments.title })
    .from(impactAssessments)
    .where(and(eq(impactAssessments.orgId, orgId), inArray(impactAssessments.id, valid)));
  return new Map(rows.map((r) => [r.id, r.title]));
});

/** Stored content read through the schema, so content written by an older release gains the new defaults. */
export const contentOf = (raw: unknown): ImpactAssessmentContent => {
  const parsed = ImpactAssessmentContent.safeParse(raw);
  return parsed.success ? parsed.data : ImpactAssessmentContent.parse({});
};

export function toAssessmentState(row: ImpactAssessmentRow, versionCount: number): ImpactAssessmentState {
  return {
    id: row.id,
    aiSystemId: row.aiSystemId,
    title: row.title,
    variant: row.variant as ImpactAssessmentVariant,
    templateId: row.templateId,
    status: row.status as ImpactAssessmentStatus,
    content: contentOf(row.content),
    revision: row.revision,
    authorId: row.authorId,
    editorIds: row.editorIds,
    ownerId: row.ownerId,
    reviewIntervalMonths: row.reviewIntervalMonths,
    nextReviewDate: row.nextReviewDate,
    approvedVersion: row.approvedVersion,
    versionCount,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** Loads (row-locking for a write) an assessment of the org; another org's id is a 404. */
export async function findAssessment(
  db: Executor,
  orgId: string,
  id: string,
  lock = false,
): Promise<ImpactAssessmentRow> {
  if (!uuidLike(id)) throw notFound("Impact assessment");
  const q = db
    .select()
    .from(impactAssessments)
    .where(and(eq(impactAssessments.orgId, orgId), eq(impactAssessments.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Impact assessment");
  return row;
}

export async function versionCountOf(db: Executor, orgId: string, id: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${impactAssessmentVersions.number}), 0)::int` })
    .from(impactAssessmentVersions)
    .where(and(eq(impactAssessmentVersions.orgId, orgId), eq(impactAssessmentVersions.assessmentId, id)));
  return r?.n ?? 0;
}

/** The revision of the approved version in force, or null without one. */
export async function approvedRevisionOf(
  db: Executor,
  orgId: string,
  id: string,
  approvedVersion: number | null,
): Promise<number | null> {
  if (approvedVersion === null) return null;
  const v = impactAssessmentVersions;
  const [r] = await db
    .select({ revision: v.revision })
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.assessmentId, id), eq(v.number, approvedVersion)));
  return r?.revision ?? null;
}

/** Whether each system's newest stored EU AI Act classification says a FRIA is required. */
export async function friaRequiredOf(db: Executor, orgId: string, systemIds: string[]): Promise<Set<string>> {
  if (systemIds.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([aiSystemClassifications.aiSystemId], {
      aiSystemId: aiSystemClassifications.aiSystemId,
      fria: sql<boolean>`coalesce((${aiSystemClassifications.result} ->> 'friaRequired')::boolean, false)`,
    })
    .from(aiSystemClassifications)
    .where(
      and(
        eq(aiSystemClassifications.orgId, orgId),
        inArray(aiSystemClassifications.aiSystemId, [...new Set(systemIds)]),
      ),
    )
    .orderBy(aiSystemClassifications.aiSystemId, desc(aiSystemClassifications.number));
  return new Set(rows.filter((r) => r.fria).map((r) => r.aiSystemId));
}

/** The AI system of the org an assessment is about; another org's or an unknown one → 400 naming the field. */
export async function systemOf(db: Executor, orgId: string, id: string, path = "aiSystemId") {
  const [row] = uuidLike(id)
    ? await db
        .select({ id: aiSystems.id, name: aiSystems.name, version: aiSystems.version })
        .from(aiSystems)
        .where(and(eq(aiSystems.orgId, orgId), eq(aiSystems.id, id)))
    : [];
  if (!row)
    throw invalidInput(`${path}: no AI system ${id} in this organization.`, {
      issues: [{ path, message: "must be an AI system of this organization" }],
    });
  return row;
}

async function namesOf(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The list row of many assessments, with system names, FRIA flags and owner names in three queries. */
export async function presentSummaries(
  db: Executor,
  orgId: string,
  rows: ImpactAssessmentRow[],
): Promise<ImpactAssessmentSummaryView[]> {
  const systemIds = [...new Set(rows.map((r) => r.aiSystemId))];
  const systems =
    systemIds.length === 0
      ? []
      : await db
          .select({ id: aiSystems.id, name: aiSystems.name })
          .from(aiSystems)
          .where(and(eq(aiSystems.orgId, orgId), inArray(aiSystems.id, systemIds)));
  const systemNames = new Map(systems.map((s) => [s.id, s.name]));
  const fria = await friaRequiredOf(db, orgId, systemIds);
  const owners = await namesOf(
    db,
    rows.map((r) => r.ownerId),
  );
  const notified = await notificationCounts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const content = contentOf(r.content);
    const variant = r.variant as ImpactAssessmentVariant;
    return {
      id: r.id,
      aiSystemId: r.aiSystemId,
      aiSystemName: systemNames.get(r.aiSystemId) ?? "",
      title: r.title,
      variant,
      templateId: r.templateId,
      status: r.status as ImpactAssessmentStatus,
      revision: r.revision,
      approvedVersion: r.approvedVersion,
      approvedAt: iso(r.approvedAt),
      nextReviewDate: r.nextReviewDate,
      overallResidual: summarizeImpact(content).overallResidual,
      friaRequired: fria.has(r.aiSystemId),
      warnings: assessmentWarnings({
        variant,
        friaRequired: fria.has(r.aiSystemId),
        approvedVersion: r.approvedVersion,
        notificationCount: notified.get(r.id) ?? 0,
      }),
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

async function notificationCounts(db: Executor, orgId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: impactAssessmentNotifications.assessmentId, n: sql<number>`count(*)::int` })
    .from(impactAssessmentNotifications)
    .where(
      and(
        eq(impactAssessmentNotifications.orgId, orgId),
        inArray(impactAssessmentNotifications.assessmentId, ids),
      ),
    )
    .groupBy(impactAssessmentNotifications.assessmentId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The frozen versions, newest first; an approved version that a later approval replaced shows as superseded. */
export async function versionsOf(
  db: Executor,
  orgId: string,
  id: string,
  approvedVersion: number | null,
): Promise<ImpactAssessmentVersionSummary[]> {
  const rows = await db
    .select({ v: impactAssessmentVersions, name: users.name })
    .from(impactAssessmentVersions)
    .leftJoin(users, eq(users.id, impactAssessmentVersions.createdBy))
    .where(and(eq(impactAssessmentVersions.orgId, orgId), eq(impactAssessmentVersions.assessmentId, id)))
    .orderBy(desc(impactAssessmentVersions.number));
  return rows.map(({ v, name }) => ({
    number: v.number,
    kind: v.kind as ImpactAssessmentVersionKind,
    status: v.kind === "submitted" ? "submitted" : v.number === approvedVersion ? "approved" : "superseded",
    revision: v.revision,
    note: v.note,
    createdBy: v.createdBy,
    createdByName: v.createdBy ? name : null,
    createdAt: v.createdAt.toISOString(),
  }));
}

export async function notificationsOf(
  db: Executor,
  orgId: string,
  id: string,
): Promise<AuthorityNotificationView[]> {
  const n = impactAssessmentNotifications;
  const rows = await db
    .select({ n, name: users.name })
    .from(n)
    .leftJoin(users, eq(users.id, n.loggedBy))
    .where(and(eq(n.orgId, orgId), eq(n.assessmentId, id)))
    .orderBy(desc(n.notifiedOn), desc(n.createdAt));
  return rows.map(({ n: r, name }) => ({
    id: r.id,
    versionNumber: r.versionNumber,
    notifiedOn: r.notifiedOn,
    authority: r.authority,
    reference: r.reference,
    note: r.note,
    loggedBy: r.loggedBy,
    loggedByName: r.loggedBy ? name : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The full view: content, ratings, gaps, versions, authority notifications, linked controls and abilities. */
export async function presentAssessment(
  db: Executor,
  actor: Actor,
  row: ImpactAssessmentRow,
): Promise<ImpactAssessmentView> {
  const [summary] = await presentSummaries(db, actor.orgId, [row]);
  const versions = await versionsOf(db, actor.orgId, row.id, row.approvedVersion);
  const state = toAssessmentState(row, versions[0]?.number ?? 0);
  const names = await namesOf(db, [row.authorId, row.approvedBy]);
  const controls = await labelLinks(
    db,
    actor.orgId,
    await linksOf(db, actor.orgId, "impact_assessment", row.id),
  );
  return {
    ...summary!,
    content: state.content,
    summary: summarizeImpact(state.content),
    gaps: row.status === "draft" ? assessmentGaps(state.content, state.variant, state.templateId) : [],
    authorId: row.authorId,
    authorName: row.authorId ? (names.get(row.authorId) ?? null) : null,
    editorIds: row.editorIds,
    approvedBy: row.approvedBy,
    approvedByName: row.approvedBy ? (names.get(row.approvedBy) ?? null) : null,
    reviewIntervalMonths: row.reviewIntervalMonths,
    reviewedAt: iso(row.reviewedAt),
    reviewComment: row.reviewComment,
    archivedAt: iso(row.archivedAt),
    controls,
    versions,
    notifications: await notificationsOf(db, actor.orgId, row.id),
    abilities: impactAssessmentAbilities(actor, state),
  };
}

/** Reads need `aims.read`; the assessment must be in the actor's org. */
export async function readAssessment(db: Executor, actor: Actor, id: string): Promise<ImpactAssessmentView> {
  authorize(actor, impactAssessmentPolicy, "read", {});
  return presentAssessment(db, actor, await findAssessment(db, actor.orgId, id));
}
