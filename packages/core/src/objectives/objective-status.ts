/**
 * How an objective is doing, derived from its progress entries — never stored, because it depends on today.
 *
 * The rule (docs/objectives-and-concerns.md):
 * - A target is met when the value is at least the target (`increase`) or at most the target (`decrease`).
 * - After the due date (the end of that day, UTC) the verdict is final: `achieved` when the last entry observed on
 *   or before the due date meets the target, `missed` otherwise (also when nothing was ever recorded). Entries
 *   observed later do not change it.
 * - Before that: no entry → `not_started`; the latest entry meets the target → `achieved`.
 * - Otherwise the latest value is compared with the expected path: a straight line from the start point (the
 *   baseline on the start date, or the first entry when there is no baseline) to the target at the due date,
 *   read off at *now*. An objective nobody measures drifts behind its path as time passes: no news is not good
 *   news. How far the value lags behind the path, as a share of the whole distance from start to target, decides:
 *   at most 10% → `on_track`, at most 25% → `at_risk`, more → `off_track`.
 * - A start point that already meets the target (a "keep it there" objective) makes the path flat at the target;
 *   the lag is then measured against the target's own size.
 */
export const objectiveStatuses = [
  "not_started",
  "on_track",
  "at_risk",
  "off_track",
  "achieved",
  "missed",
] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  achieved: "Achieved",
  missed: "Missed",
};

/** `increase`: higher is better, the target is a floor ("at least"); `decrease`: the target is a ceiling ("at most"). */
export const objectiveDirections = ["increase", "decrease"] as const;
export type ObjectiveDirection = (typeof objectiveDirections)[number];

/** Lag behind the expected path, as a share of the distance from start to target. */
export const ON_TRACK_TOLERANCE = 0.1;
export const AT_RISK_TOLERANCE = 0.25;

export interface ProgressPoint {
  value: number;
  observedAt: Date;
}

/** What the status needs from the progress series (so lists can load three points per objective, not all). */
export interface ProgressSummary {
  count: number;
  first: ProgressPoint | null;
  latest: ProgressPoint | null;
  /** the latest point observed on or before the end of the due date */
  latestByDue: ProgressPoint | null;
}

export interface ObjectiveTarget {
  direction: ObjectiveDirection;
  target: number;
  baseline: number | null;
  /** YYYY-MM-DD: where the expected path starts (with the baseline) */
  startDate: string;
  /** YYYY-MM-DD: the target should be met by the end of this day (UTC) */
  dueDate: string;
}

export interface ObjectiveEvaluation {
  status: ObjectiveStatus;
  /** where the value should be now on the expected path (null without a start point, or once due) */
  expectedValue: number | null;
  /** how much of the distance from start to target the latest value has covered, 0–100 (null without entries) */
  percent: number | null;
  latestValue: number | null;
  latestObservedAt: Date | null;
  progressCount: number;
}

export const objectiveStartAt = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
export const objectiveDueAt = (date: string): Date => new Date(`${date}T23:59:59.999Z`);

export const meetsObjectiveTarget = (
  o: Pick<ObjectiveTarget, "direction" | "target">,
  value: number,
): boolean => (o.direction === "increase" ? value >= o.target : value <= o.target);

/** Later observation wins; for equal times, the later entry in the list (recorded later) wins. */
export function summarizeProgress(points: readonly ProgressPoint[], dueDate: string): ProgressSummary {
  const due = objectiveDueAt(dueDate).getTime();
  let first: ProgressPoint | null = null;
  let latest: ProgressPoint | null = null;
  let latestByDue: ProgressPoint | null = null;
  for (const p of points) {
    const t = p.observedAt.getTime();
    if (!first || t < first.observedAt.getTime()) first = p;
    if (!latest || t >= latest.observedAt.getTime()) latest = p;
    if (t <= due && (!latestByDue || t >= latestByDue.observedAt.getTime())) latestByDue = p;
  }
  return { count: points.length, first, latest, latestByDue };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function evaluateObjective(o: ObjectiveTarget, s: ProgressSummary, now: Date): ObjectiveEvaluation {
  const latest = s.latest;
  const start = startPoint(o, s);
  // A start that already meets the target means "keep it there": the path is flat at the target.
  const startValue = start === null ? null : meetsObjectiveTarget(o, start.value) ? o.target : start.value;
  const base = {
    latestValue: latest?.value ?? null,
    latestObservedAt: latest?.observedAt ?? null,
    progressCount: s.count,
    percent: latest && startValue !== null ? percentCovered(o, startValue, latest.value) : null,
  };
  const dueAt = objectiveDueAt(o.dueDate).getTime();
  if (now.getTime() > dueAt) {
    const met = s.latestByDue !== null && meetsObjectiveTarget(o, s.latestByDue.value);
    return { ...base, status: met ? "achieved" : "missed", expectedValue: null };
  }
  if (!latest || start === null || startValue === null)
    return { ...base, status: "not_started", expectedValue: null };
  const startAt = start.observedAt.getTime();
  const fraction = dueAt <= startAt ? 1 : clamp((now.getTime() - startAt) / (dueAt - startAt), 0, 1);
  const expectedValue = startValue + (o.target - startValue) * fraction;
  if (meetsObjectiveTarget(o, latest.value)) return { ...base, status: "achieved", expectedValue };
  const behind = o.direction === "increase" ? expectedValue - latest.value : latest.value - expectedValue;
  const span = Math.abs(o.target - startValue);
  const scale = span > 0 ? span : Math.abs(o.target) > 0 ? Math.abs(o.target) : 1;
  const lag = behind / scale;
  const status = lag <= ON_TRACK_TOLERANCE ? "on_track" : lag <= AT_RISK_TOLERANCE ? "at_risk" : "off_track";
  return { ...base, status, expectedValue };
}

function startPoint(o: ObjectiveTarget, s: ProgressSummary): ProgressPoint | null {
  if (o.baseline !== null) return { value: o.baseline, observedAt: objectiveStartAt(o.startDate) };
  return s.first;
}

function percentCovered(o: ObjectiveTarget, startValue: number, value: number): number {
  if (meetsObjectiveTarget(o, value)) return 100;
  const span = o.target - startValue;
  if (span === 0) return 0;
  return Math.round(clamp(((value - startValue) / span) * 100, 0, 100) * 10) / 10;
}
