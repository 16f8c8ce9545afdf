import type { IncidentDeadlineView, IncidentView } from "@openaims/core";

export interface RunningClock {
  incident: Pick<IncidentView, "id" | "title" | "severity" | "status">;
  deadlines: IncidentDeadlineView[];
  /** the fewest days left among its unmet deadlines (negative = overdue) */
  mostUrgent: number;
}

/**
 * Open incidents whose regulatory clocks are still running (a deadline not yet met), most urgent first. The
 * deadlines are the server's (`computeDeadlines` on every read), so the card and the incident page agree.
 */
export function runningClocks(incidents: readonly IncidentView[]): RunningClock[] {
  return incidents
    .map((i) => {
      const deadlines = i.deadlines.filter((d) => !d.met).sort((a, b) => a.daysLeft - b.daysLeft);
      return { incident: i, deadlines, mostUrgent: deadlines[0]?.daysLeft ?? Infinity };
    })
    .filter((c) => c.deadlines.length > 0)
    .sort((a, b) => a.mostUrgent - b.mostUrgent || a.incident.title.localeCompare(b.incident.title));
}
