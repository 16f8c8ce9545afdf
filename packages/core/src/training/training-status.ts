import { addDays, addMonths } from "../documents/review-cycle";

/**
 * When a training stops counting, and what that makes of it today — derived, never stored, because it depends on
 * today (docs/training.md).
 *
 * - A completion expires `validityMonths` calendar months after the day it was completed; a day that does not
 *   exist in the target month falls back to that month's last day (31 January + 1 month = 28/29 February,
 *   29 February + 12 months = 28 February). This is the arithmetic PostgreSQL applies to `date + interval`, so
 *   the SQL filters and readiness count give the same answer as this module.
 * - A stated expiry (a certificate with its own end date) wins over the topic's validity; a topic without a
 *   validity never expires.
 * - The training counts through its expiry day: `expired` from the day after. Within `TRAINING_EXPIRING_SOON_DAYS` of the
 *   expiry day it is `expiring_soon` (still valid); otherwise `current`. No record at all is `missing`.
 */
export const trainingStatuses = ["current", "expiring_soon", "expired", "missing"] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];
export type TrainingRecordStatus = Exclude<TrainingStatus, "missing">;

export const trainingStatusLabels: Record<TrainingStatus, string> = {
  current: "Current",
  expiring_soon: "Expiring soon",
  expired: "Expired",
  missing: "Missing",
};

/** How many days before its expiry a training shows as expiring (and a task asks for a refresher). */
export const TRAINING_EXPIRING_SOON_DAYS = 30;

/** The last day a completion counts, or null when it never expires. */
export function trainingExpiry(
  completedOn: string,
  validityMonths: number | null,
  statedExpiresOn: string | null = null,
): string | null {
  if (statedExpiresOn) return statedExpiresOn;
  return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

/** The status of one completion on `today` (`YYYY-MM-DD`, UTC). */
export function trainingRecordStatus(expiresOn: string | null, today: string): TrainingRecordStatus {
  if (expiresOn === null) return "current";
  if (expiresOn < today) return "expired";
  return expiresOn <= addDays(today, TRAINING_EXPIRING_SOON_DAYS) ? "expiring_soon" : "current";
}

/** Still counts (current or expiring soon). */
export const isValidTraining = (s: TrainingStatus): boolean => s === "current" || s === "expiring_soon";

const rank: Record<TrainingStatus, number> = { current: 3, expiring_soon: 2, expired: 1, missing: 0 };

/** The better of two statuses (a member's best completion decides). */
export const betterTrainingStatus = (a: TrainingStatus, b: TrainingStatus): TrainingStatus =>
  rank[a] >= rank[b] ? a : b;

/** Of several expiries of the same topic, the one that counts: the latest (null = never expires = best). */
export function latestExpiry(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a >= b ? a : b;
}
