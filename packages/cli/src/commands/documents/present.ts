import { Uuid, type DocumentSummaryView, type DocumentTemplateView, type DocumentView } from "@openaims/core";
import { usageError } from "../../exit-codes";
import { keyValues, list, shortTime, table, type Column } from "../../output/format";

export function checkDocumentId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not a document id (a UUID).`);
  return id;
}

const review = (d: DocumentSummaryView) =>
  d.reviewStatus === null
    ? ""
    : `${d.nextReviewAt}${d.reviewStatus === "ok" ? "" : ` (${d.reviewStatus.replace("_", " ")})`}`;

export const documentColumns: Column<DocumentSummaryView>[] = [
  { header: "ID", value: (d) => d.id },
  { header: "TITLE", value: (d) => d.title, max: 40 },
  { header: "KIND", value: (d) => d.kind },
  { header: "STATUS", value: (d) => `${d.status} v${d.latestVersion}` },
  { header: "IN FORCE", value: (d) => (d.publishedVersion === null ? "" : `v${d.publishedVersion}`) },
  { header: "NEXT REVIEW", value: review },
  { header: "OWNER", value: (d) => d.ownerName ?? "", max: 24 },
];

export const documentTable = (items: DocumentSummaryView[]) => table(items, documentColumns);

export function documentDetails(d: DocumentView): string {
  const head = keyValues([
    ["ID", d.id],
    ["Title", d.title],
    ["Kind", d.kind],
    ["Owner", d.ownerId ? `${d.ownerName ?? "?"} (${d.ownerId})` : ""],
    ["Template", d.templateKey ?? ""],
    ["Status", `${d.status} (latest version ${d.latestVersion})`],
    [
      "In force",
      d.publishedVersion === null ? "none" : `version ${d.publishedVersion} since ${d.publishedAt}`,
    ],
    ["Review every", `${d.reviewIntervalMonths} months`],
    ["Next review", d.nextReviewAt ? `${d.nextReviewAt} (${d.reviewStatus?.replace("_", " ")})` : ""],
    ["Links", list(d.links.map((l) => l.label))],
    ["Retired", d.retiredAt ?? "no"],
    ["Version", String(d.version)],
  ]);
  const versions = table(d.versions, [
    { header: "V", value: (v) => String(v.number) },
    { header: "STATUS", value: (v) => v.status },
    { header: "AUTHOR", value: (v) => v.author?.name ?? "", max: 24 },
    { header: "APPROVED BY", value: (v) => v.approvedBy?.name ?? "", max: 24 },
    { header: "UPDATED", value: (v) => shortTime(v.updatedAt) },
    { header: "CHANGE", value: (v) => v.changeSummary, max: 50 },
  ]);
  return `${head}\nVersions:\n${versions}`;
}

export function templateTable(items: DocumentTemplateView[]): string {
  return table(items, [
    { header: "KEY", value: (t) => t.key },
    { header: "TITLE", value: (t) => t.title, max: 40 },
    { header: "KIND", value: (t) => t.kind },
    { header: "LINKS", value: (t) => list(t.links.map((l) => l.id.split(":").pop() ?? l.id)), max: 40 },
  ]);
}
