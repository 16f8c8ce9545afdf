import type { GeneratedTaskSpec, TaskOrigin } from "@openaims/core";
import type { Executor } from "@openaims/db";

/**
 * One kind of generated task: given an org and today's UTC day, the tasks that should be open now. The
 * generator opens those that are missing and closes the open ones of this origin that are no longer wanted.
 */
export interface TaskSource {
  origin: Exclude<TaskOrigin, "manual">;
  wanted(db: Executor, orgId: string, today: string): Promise<GeneratedTaskSpec[]>;
}

/** `YYYY-MM-DD` plus some days, in UTC. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
