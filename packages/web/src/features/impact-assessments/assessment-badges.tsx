import { impactLevelLabels, type ImpactAssessmentStatus, type ImpactLevel } from "@openaims/core";
import { Badge } from "../../components/badge";

const statusTone = { draft: "neutral", in_review: "blue", approved: "green", archived: "neutral" } as const;
const statusLabel: Record<ImpactAssessmentStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  archived: "Archived",
};
export function AssessmentStatusBadge({ status }: { status: ImpactAssessmentStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}

const levelTone = { low: "green", medium: "amber", high: "red", very_high: "red" } as const;
export function ImpactLevelBadge({ rating }: { rating: { level: ImpactLevel; score: number } | null }) {
  if (!rating) return <span className="text-slate-600">—</span>;
  return (
    <Badge tone={levelTone[rating.level]}>
      {impactLevelLabels[rating.level]} ({rating.score})
    </Badge>
  );
}
