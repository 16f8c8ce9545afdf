import { deadlineIsUrgent, type IncidentDeadlineView, type IncidentView } from "@openaims/core";

type Clock = Pick<IncidentDeadlineView, "daysLeft" | "met">;

/** "3 days left", "Due today", "2 days overdue", "Met". */
export function daysLeftText(d: Clock): string {
  if (d.met) return "Met";
  const n = d.daysLeft;
  if (n === 0) return "Due today";
  return n > 0 ? `${n} day${n === 1 ? "" : "s"} left` : `${-n} day${n === -1 ? "" : "s"} overdue`;
}

/** Red when 2 days or fewer are left or the deadline has passed; green once met. */
export const deadlineTone = (d: Clock): "green" | "red" | "amber" =>
  d.met ? "green" : deadlineIsUrgent(d.daysLeft) ? "red" : "amber";

/** The most urgent clock still open, if any. */
export const mostUrgentOpen = (i: Pick<IncidentView, "deadlines">) =>
  i.deadlines.filter((d) => !d.met).sort((a, b) => a.daysLeft - b.daysLeft)[0];
