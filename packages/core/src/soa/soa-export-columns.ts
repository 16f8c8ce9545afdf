import type { SoaSnapshotEntry } from "../schemas/soa";
import { implementationStatusLabels } from "./vocabulary";

/** The columns of the SoA export (CSV and XLSX), in order: what an auditor reads down the page. */
export const soaExportColumns = [
  "control_id",
  "group",
  "title",
  "kind",
  "applicable",
  "justification",
  "implementation_status",
  "owner",
  "applied_controls",
  "evidence",
  "documents",
  "notes",
] as const;

const applicableText = (a: boolean | null) => (a === true ? "yes" : a === false ? "no" : "undecided");
const labels = (xs: { label: string }[]) => xs.map((x) => x.label).join("; ");

/** One entry as export cells (the CSV writer defuses formula-like cells; XLSX stores them as text). */
export function soaExportRow(e: SoaSnapshotEntry): string[] {
  return [
    e.controlId,
    `${e.groupId} ${e.groupTitle}`.trim(),
    e.title,
    e.kind === "annex_a" ? "Annex A" : "additional",
    applicableText(e.applicable),
    e.justification,
    implementationStatusLabels[e.implementationStatus],
    e.ownerName ?? "",
    e.appliedControls.map((c) => c.label).join("; "),
    labels(e.evidence),
    labels(e.documents),
    e.notes,
  ];
}
