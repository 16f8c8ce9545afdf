/** The review cycle of a document in force: when its next review is due and how close that is. */

export const reviewStatuses = ["ok", "due_soon", "overdue"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** A review falls "due soon" this many days before its date. */
export const REVIEW_DUE_SOON_DAYS = 30;

/** The calendar date (UTC) of an instant, as `YYYY-MM-DD`. */
export const isoDate = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * `date` plus whole months, on the calendar: 2025-01-31 + 1 month is 2025-02-28 (the day is clamped to the
 * month's last day rather than spilling into the next month).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(year, month, Math.min(d, lastDay))));
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

/** The next review date after a review (or publication) on `reviewedAt`. */
export const nextReviewDate = (reviewedAt: Date, intervalMonths: number): string =>
  addMonths(isoDate(reviewedAt), intervalMonths);

/**
 * `overdue` once the review date has passed (a review due today is not yet overdue), `due_soon` within
 * `REVIEW_DUE_SOON_DAYS`, else `ok`; null when nothing is in force, so no review is scheduled.
 */
export function reviewStatusOf(nextReviewAt: string | null, today: string): ReviewStatus | null {
  if (nextReviewAt === null) return null;
  if (nextReviewAt < today) return "overdue";
  if (nextReviewAt <= addDays(today, REVIEW_DUE_SOON_DAYS)) return "due_soon";
  return "ok";
}
