import {
  incidentSeverityLabels,
  incidentStatusLabels,
  type IncidentDeadlineView,
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentView,
} from "@openaims/core";
import { Badge } from "../../components/badge";
import { daysLeftText, deadlineTone, mostUrgentOpen } from "./deadline-display";

const statusTone: Record<IncidentStatus, "neutral" | "blue" | "green" | "amber" | "red"> = {
  reported: "amber",
  investigating: "blue",
  contained: "blue",
  resolved: "green",
  closed: "neutral",
};
const severityTone: Record<IncidentSeverity, "neutral" | "blue" | "amber" | "red"> = {
  low: "neutral",
  medium: "blue",
  high: "amber",
  critical: "red",
};

export const IncidentStatusBadge = ({ status }: { status: IncidentStatus }) => (
  <Badge tone={statusTone[status]}>{incidentStatusLabels[status]}</Badge>
);
export const IncidentSeverityBadge = ({ severity }: { severity: IncidentSeverity }) => (
  <Badge tone={severityTone[severity]}>{incidentSeverityLabels[severity]}</Badge>
);

/** Days left on a clock: red when 2 days or fewer are left or it has passed (unless met). */
export function DeadlineBadge({ deadline }: { deadline: Pick<IncidentDeadlineView, "daysLeft" | "met"> }) {
  return <Badge tone={deadlineTone(deadline)}>{daysLeftText(deadline)}</Badge>;
}

/** The most urgent open clock of an incident, or a word on why none runs. */
export function NextDeadline({ incident }: { incident: IncidentView }) {
  const first = mostUrgentOpen(incident);
  if (first)
    return (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        {first.dueAt} <DeadlineBadge deadline={first} />
      </span>
    );
  if (incident.deadlines.length > 0) return <Badge tone="green">Met</Badge>;
  if (incident.assessment.outcome === "undetermined")
    return <span className="text-slate-600">Serious? Unanswered</span>;
  return <span className="text-slate-600">—</span>;
}
