import { iso42001_2023 } from "../frameworks/iso-iec-42001-2023";
import { documentTemplates } from "../documents/templates";
import type { DocumentFact, ReadinessFacts, SoaEntryFact } from "./facts";
import { recordCounts, type RecordCountKey } from "./rules";

/** Test data: the facts of an organization whose AIMS is complete on `TODAY`. */
export const TODAY = "2026-06-15";
const controlIds = iso42001_2023.nodes.filter((n) => n.kind === "control").map((n) => n.id);
const requirementIds = iso42001_2023.nodes.filter((n) => n.kind === "requirement").map((n) => n.id);

export const doc = (over: Partial<DocumentFact> = {}): DocumentFact => ({
  id: over.id ?? `doc-${Math.random().toString(36).slice(2, 8)}`,
  title: "A document",
  kind: "procedure",
  templateKey: null,
  nodes: [],
  published: { version: 1, publishedOn: "2026-01-10" },
  nextReviewOn: "2027-01-10",
  ...over,
});

export const entry = (controlId: string, over: Partial<SoaEntryFact> = {}): SoaEntryFact => ({
  controlId,
  label: controlId,
  evidenceKey: controlId,
  applicable: true,
  justification: "Needed for our AI systems.",
  implementationStatus: "implemented",
  hasOwner: true,
  changedSinceApproval: false,
  ...over,
});

export function completeFacts(): ReadinessFacts {
  const counts = Object.fromEntries(Object.keys(recordCounts).map((k) => [k, 3])) as Record<
    RecordCountKey,
    number
  >;
  for (const k of [
    "context_issues_review_overdue",
    "interested_party_requirements_undecided",
    "raci_activities_without_accountable",
    "objectives_incomplete",
    "ai_systems_without_purpose",
    "members_without_ai_literacy",
    "ai_systems_without_impact_assessment",
    "impact_assessments_review_overdue",
    "ai_systems_without_fria",
  ] as const)
    counts[k] = 0;
  const documents: DocumentFact[] = documentTemplates.map((t) =>
    doc({ id: t.key, title: t.title, kind: t.kind, templateKey: t.key, nodes: [...t.links] }),
  );
  documents.push(doc({ title: "Other procedures", nodes: ["6.3", "7.4", "9.2.2"], kind: "plan" }));
  const evidence = Object.fromEntries(
    [...requirementIds, ...controlIds].map((id) => [id, { undated: 1, validUntil: {} }]),
  );
  return {
    documents,
    scope: { approved: { version: 2, approvedOn: "2026-02-01" } },
    soa: {
      approved: { number: 1, approvedOn: "2026-03-01" },
      entries: controlIds.map((id) => entry(id)),
    },
    counts,
    evidence,
    evidenceAll: { undated: 70, validUntil: {} },
  };
}
