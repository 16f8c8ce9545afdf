import { findFramework } from "../frameworks/registry";

/** The framework whose Annex A the Statement of Applicability covers. */
export const soaFrameworkId = "iso-iec-42001-2023";

/** How far a control is implemented. `not_applicable` is used exactly for controls marked not applicable. */
export const implementationStatuses = [
  "not_started",
  "planned",
  "partially_implemented",
  "implemented",
  "not_applicable",
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

export const implementationStatusLabels: Record<ImplementationStatus, string> = {
  not_started: "Not started",
  planned: "Planned",
  partially_implemented: "Partially implemented",
  implemented: "Implemented",
  not_applicable: "Not applicable",
};

/** An applied control's own status: an implementation status without `not_applicable` (that is a SoA answer). */
export const appliedControlStatuses = [
  "not_started",
  "planned",
  "partially_implemented",
  "implemented",
] as const;
export type AppliedControlStatus = (typeof appliedControlStatuses)[number];

export const appliedControlCategories = [
  "policy",
  "process",
  "technical",
  "people",
  "physical",
  "other",
] as const;
export type AppliedControlCategory = (typeof appliedControlCategories)[number];

export const appliedControlCategoryLabels: Record<AppliedControlCategory, string> = {
  policy: "Policy",
  process: "Process",
  technical: "Technical",
  people: "People",
  physical: "Physical",
  other: "Other",
};

/** in_review → approved | rejected; approved → superseded when a later version is approved. */
export const soaVersionStatuses = ["in_review", "approved", "rejected", "superseded"] as const;
export type SoaVersionStatus = (typeof soaVersionStatuses)[number];

/** An Annex A control as the SoA lists it: the control and the group it sits in. */
export interface AnnexAControl {
  controlId: string;
  title: string;
  groupId: string;
  groupTitle: string;
}

let annexA: AnnexAControl[] | null = null;

/** The Annex A controls of ISO/IEC 42001 (38), in catalogue order, read from the framework catalogue. */
export function annexAControls(): readonly AnnexAControl[] {
  if (annexA) return annexA;
  const framework = findFramework(soaFrameworkId);
  if (!framework) throw new Error(`framework ${soaFrameworkId} is missing from the catalogue`);
  const titles = new Map(framework.nodes.map((n) => [n.id, n.title]));
  annexA = framework.nodes
    .filter((n) => n.kind === "control" && n.id.startsWith("A."))
    .map((n) => {
      // the Annex A group (A.6), also for controls under a sub-heading (A.6.2.4 sits under A.6.2)
      const groupId = n.id.split(".").slice(0, 2).join(".");
      return { controlId: n.id, title: n.title, groupId, groupTitle: titles.get(groupId) ?? "" };
    });
  return annexA;
}

/** Additional controls (the organization's own, beyond Annex A) are grouped under this id in the SoA. */
export const additionalControlsGroup = { groupId: "additional", groupTitle: "Additional controls" } as const;

/** True for an Annex A control id that the catalogue knows (`A.2.2`). */
export const isAnnexAControlId = (id: string): boolean => annexAControls().some((c) => c.controlId === id);
