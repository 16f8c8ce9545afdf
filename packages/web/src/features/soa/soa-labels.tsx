import {
  appliedControlCategoryLabels,
  implementationStatusLabels,
  type AppliedControlCategory,
  type ImplementationStatus,
  type SoaVersionStatus,
} from "@openaims/core";
import { Badge } from "../../components/badge";

export function ApplicableBadge({ applicable }: { applicable: boolean | null }) {
  if (applicable === true) return <Badge tone="blue">Applicable</Badge>;
  if (applicable === false) return <Badge>Not applicable</Badge>;
  return <Badge tone="amber">Undecided</Badge>;
}

const statusTone: Record<ImplementationStatus, "neutral" | "blue" | "green" | "amber" | "red"> = {
  not_started: "red",
  planned: "amber",
  partially_implemented: "amber",
  implemented: "green",
  not_applicable: "neutral",
};
export function StatusBadge({ status }: { status: ImplementationStatus }) {
  return <Badge tone={statusTone[status]}>{implementationStatusLabels[status]}</Badge>;
}

const versionTone: Record<SoaVersionStatus, "neutral" | "blue" | "green" | "amber" | "red"> = {
  in_review: "amber",
  approved: "green",
  rejected: "red",
  superseded: "neutral",
};
const versionLabel: Record<SoaVersionStatus, string> = {
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
  superseded: "Superseded",
};
export function VersionStatusBadge({ status }: { status: SoaVersionStatus }) {
  return <Badge tone={versionTone[status]}>{versionLabel[status]}</Badge>;
}

export const categoryLabel = (c: AppliedControlCategory) => appliedControlCategoryLabels[c];
export const applicableText = (a: boolean | null) => (a === true ? "Yes" : a === false ? "No" : "Undecided");
export const shortDate = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
