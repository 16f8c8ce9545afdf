import type { DocumentKind, ReviewStatus, VersionStatus } from "@openaims/core";
import { Badge } from "../../components/badge";

export const kindLabels: Record<DocumentKind, string> = {
  policy: "Policy",
  procedure: "Procedure",
  record: "Record",
  plan: "Plan",
  other: "Other",
};

export const statusLabels: Record<VersionStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  published: "Published",
  superseded: "Superseded",
  retired: "Retired",
};

const statusTones: Record<VersionStatus, "neutral" | "blue" | "green" | "amber" | "red"> = {
  draft: "neutral",
  in_review: "blue",
  approved: "blue",
  published: "green",
  superseded: "neutral",
  retired: "amber",
};

export function StatusBadge({ status }: { status: VersionStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}

export const reviewLabels: Record<ReviewStatus, string> = {
  ok: "Review on time",
  due_soon: "Review due soon",
  overdue: "Review overdue",
};

export function ReviewBadge({ status, date }: { status: ReviewStatus | null; date?: string | null }) {
  if (!status) return null;
  const tone = status === "overdue" ? "red" : status === "due_soon" ? "amber" : "green";
  return (
    <Badge tone={tone}>
      {reviewLabels[status]}
      {date ? ` · ${date}` : ""}
    </Badge>
  );
}
