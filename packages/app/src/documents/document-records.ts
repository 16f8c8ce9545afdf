import { and, asc, eq, inArray } from "drizzle-orm";
import {
  documentAbilities,
  isoDate,
  notFound,
  reviewStatusOf,
  type Actor,
  type DocumentKind,
  type DocumentState,
  type DocumentSummaryView,
  type DocumentVersionState,
  type DocumentVersionSummary,
  type DocumentVersionView,
  type DocumentView,
  type VersionStatus,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { labelLinks, linksOf, registerLinkTarget } from "../shared/links";

const { documents, documentVersions, users } = tables;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;

const uuidLike = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// Evidence, SoA entries and objectives link to documents: the label is the document's title.
registerLinkTarget("document", async (db, orgId, ids) => {
  const valid = ids.filter(uuidLike);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: documents.id, title: documents.title })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), inArray(documents.id, valid)));
  return new Map(rows.map((r) => [r.id, r.title]));
});

export function toDocumentState(row: DocumentRow): DocumentState {
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    kind: row.kind as DocumentKind,
    ownerId: row.ownerId,
    reviewIntervalMonths: row.reviewIntervalMonths,
    templateKey: row.templateKey,
    status: row.status as VersionStatus,
    latestVersion: row.latestVersion,
    publishedVersion: row.publishedVersion,
    nextReviewAt: row.nextReviewAt,
    retiredAt: row.retiredAt,
    version: row.version,
  };
}

export function toVersionState(row: DocumentVersionRow): DocumentVersionState {
  return {
    number: row.number,
    status: row.status as VersionStatus,
    authorId: row.authorId,
    editorIds: row.editorIds,
    body: row.body,
    changeSummary: row.changeSummary,
  };
}

/** Loads and row-locks a document of the org for a write; another org's id is a 404. */
export async function lockDocument(tx: Executor, orgId: string, id: string): Promise<DocumentRow> {
  if (!uuidLike(id)) throw notFound("Document");
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)))
    .for("update");
  if (!row) throw notFound("Document");
  return row;
}

export async function findDocument(db: Executor, orgId: string, id: string): Promise<DocumentRow> {
  if (!uuidLike(id)) throw notFound("Document");
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)));
  if (!row) throw notFound("Document");
  return row;
}

export async function findVersion(
  db: Executor,
  orgId: string,
  documentId: string,
  number: number,
): Promise<DocumentVersionRow> {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.orgId, orgId),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.number, number),
      ),
    );
  if (!row) throw notFound(`Version ${number} of this document`);
  return row;
}

/** Names of the given users, by id (authors, approvers, owners). */
export async function userNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const member = (names: Map<string, string>, id: string | null) =>
  id ? { id, name: names.get(id) ?? "(unknown)" } : null;

export function presentVersionSummary(
  v: DocumentVersionRow,
  names: Map<string, string>,
): DocumentVersionSummary {
  return {
    number: v.number,
    status: v.status as VersionStatus,
    changeSummary: v.changeSummary,
    author: member(names, v.authorId),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    submittedAt: iso(v.submittedAt),
    approvedAt: iso(v.approvedAt),
    approvedBy: member(names, v.approvedBy),
    publishedAt: iso(v.publishedAt),
    supersededAt: iso(v.supersededAt),
    retiredAt: iso(v.retiredAt),
    reviewComment: v.reviewComment,
  };
}

export function presentVersion(v: DocumentVersionRow, names: Map<string, string>): DocumentVersionView {
  return { ...presentVersionSummary(v, names), documentId: v.documentId, body: v.body };
}

export function presentDocumentSummary(
  row: DocumentRow,
  ownerName: string | null,
  today: string,
): DocumentSummaryView {
  return {
    id: row.id,
    orgId: row.orgId,
    title: row.title,
    kind: row.kind as DocumentKind,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    templateKey: row.templateKey,
    reviewIntervalMonths: row.reviewIntervalMonths,
    status: row.status as VersionStatus,
    latestVersion: row.latestVersion,
    publishedVersion: row.publishedVersion,
    publishedAt: iso(row.publishedAt),
    lastReviewedAt: iso(row.lastReviewedAt),
    nextReviewAt: row.nextReviewAt,
    reviewStatus: reviewStatusOf(row.publishedVersion === null ? null : row.nextReviewAt, today),
    retiredAt: iso(row.retiredAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The full view: metadata, every version's summary, the texts in force and latest, links and abilities. */
export async function loadDocumentView(
  db: Executor,
  actor: Actor,
  row: DocumentRow,
  now: Date,
): Promise<DocumentView> {
  const versions = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.orgId, row.orgId), eq(documentVersions.documentId, row.id)))
    .orderBy(asc(documentVersions.number));
  const names = await userNames(db, [
    row.ownerId,
    row.lastReviewedBy,
    ...versions.flatMap((v) => [v.authorId, v.approvedBy]),
  ]);
  const latest = versions.find((v) => v.number === row.latestVersion) ?? versions[versions.length - 1]!;
  const current =
    row.publishedVersion === null ? undefined : versions.find((v) => v.number === row.publishedVersion);
  return {
    ...presentDocumentSummary(row, row.ownerId ? (names.get(row.ownerId) ?? null) : null, isoDate(now)),
    lastReviewedBy: member(names, row.lastReviewedBy),
    versions: versions.map((v) => presentVersionSummary(v, names)).reverse(),
    current: current ? presentVersion(current, names) : null,
    latest: presentVersion(latest, names),
    links: await labelLinks(db, row.orgId, await linksOf(db, row.orgId, "document", row.id)),
    abilities: documentAbilities(actor, toDocumentState(row), toVersionState(latest)),
  };
}
