/**
 * Sign-in back-off. After `freeAttempts` failures for one key (an e-mail or an address) the key is locked for
 * 2^(failures − free) seconds, capped; a key with no failure for `THROTTLE_MEMORY_MS` starts counting afresh.
 */
export const THROTTLE_MEMORY_MS = 60 * 60 * 1000;

export function lockSecondsAfter(failures: number, freeAttempts: number, maxLockSeconds: number): number {
  if (failures < freeAttempts) return 0;
  const exponent = failures - freeAttempts;
  // 2^31 s is far beyond any sensible cap; avoid Infinity for absurd counters.
  return Math.min(2 ** Math.min(exponent, 31), maxLockSeconds);
}

/** Whole seconds until `lockedUntil`, at least 1 while still locked; 0 when not locked. */
export function retryAfterSeconds(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
}
