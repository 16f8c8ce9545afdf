import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { DomainError, lockSecondsAfter, retryAfterSeconds, THROTTLE_MEMORY_MS } from "@openaims/core";
import { inTransaction, tables } from "@openaims/db";
import type { AppContext } from "../shared/context";

/**
 * Sign-in back-off, kept in the database (`login_throttle`) so that several server nodes share it. One key per
 * e-mail (slows guessing one account) and one per address (slows spraying many accounts from one place).
 */
export const throttleKeys = (email: string, ip: string | null | undefined): string[] =>
  ip ? [`email:${email}`, `ip:${ip}`] : [`email:${email}`];

/** Throws `rate_limited` (with `retryAfterSeconds`) while any key is locked, whatever the password. */
export async function assertNotThrottled(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.now();
  const rows = await ctx.database.db
    .select({ lockedUntil: tables.loginThrottle.lockedUntil })
    .from(tables.loginThrottle)
    .where(and(inArray(tables.loginThrottle.key, keys), gt(tables.loginThrottle.lockedUntil, now)));
  const wait = Math.max(0, ...rows.map((r) => retryAfterSeconds(r.lockedUntil, now)));
  if (wait > 0) {
    throw new DomainError(
      "rate_limited",
      `Too many failed sign-ins. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
      { retryAfterSeconds: wait },
    );
  }
}

export async function recordLoginFailure(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.now();
  const forgetBefore = new Date(now.getTime() - THROTTLE_MEMORY_MS);
  const t = tables.loginThrottle;
  await inTransaction(ctx.database, async (tx) => {
    for (const key of [...keys].sort()) {
      const [row] = await tx
        .insert(t)
        .values({ key, failures: 1, updatedAt: now })
        .onConflictDoUpdate({
          target: t.key,
          set: {
            failures: sql`case when ${t.updatedAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${t.failures} + 1 end`,
            updatedAt: now,
          },
        })
        .returning({ failures: t.failures });
      const seconds = lockSecondsAfter(
        row!.failures,
        ctx.settings.loginFreeAttempts,
        ctx.settings.loginMaxLockSeconds,
      );
      await tx
        .update(t)
        .set({ lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null })
        .where(eq(t.key, key));
    }
  });
}

export async function clearLoginFailures(ctx: AppContext, key: string): Promise<void> {
  await ctx.database.db.delete(tables.loginThrottle).where(eq(tables.loginThrottle.key, key));
}
