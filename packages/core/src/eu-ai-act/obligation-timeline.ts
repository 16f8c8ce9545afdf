import type { ObligationStatus } from "./obligation-sync";

/** The part of a tracked obligation the timeline rules read. */
export interface TimelineObligation {
  appliesFrom: string;
  /** the effective due date (appliesFrom unless an earlier one was set) */
  dueDate: string;
  status: ObligationStatus;
  applicable: boolean;
}

/** Work is still owed: an applicable obligation that is open or in progress. */
export const obligationIsPending = (o: Pick<TimelineObligation, "status" | "applicable">): boolean =>
  o.applicable && (o.status === "open" || o.status === "in_progress");

/**
 * Overdue: still pending after its due date (both `YYYY-MM-DD`, UTC). Due today is not overdue: the date an
 * obligation applies from is the first day it must be met, so it is met in time on that day.
 */
export const obligationIsOverdue = (o: TimelineObligation, today: string): boolean =>
  obligationIsPending(o) && o.dueDate < today;

export interface ObligationCounts {
  total: number;
  /** open or in progress (applicable) */
  pending: number;
  overdue: number;
  met: number;
}

export interface TimelineGroup<T extends TimelineObligation> extends ObligationCounts {
  appliesFrom: string;
  /** the date has been reached (appliesFrom ≤ today) */
  inForce: boolean;
  items: T[];
}

export function countObligations(items: readonly TimelineObligation[], today: string): ObligationCounts {
  return {
    total: items.length,
    pending: items.filter(obligationIsPending).length,
    overdue: items.filter((o) => obligationIsOverdue(o, today)).length,
    met: items.filter((o) => o.applicable && o.status === "met").length,
  };
}

/** What applies when: obligations grouped by the date they apply from, earliest first, each group counted. */
export function obligationTimeline<T extends TimelineObligation>(
  items: readonly T[],
  today: string,
): TimelineGroup<T>[] {
  const byDate = new Map<string, T[]>();
  for (const o of items) byDate.set(o.appliesFrom, [...(byDate.get(o.appliesFrom) ?? []), o]);
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([appliesFrom, group]) => ({
      appliesFrom,
      inForce: appliesFrom <= today,
      ...countObligations(group, today),
      items: group,
    }));
}
