/**
 * Runs a job (task generation for every org) shortly after start and then every `intervalMinutes`, in this
 * process. Runs never overlap; several nodes may each run it, since generation is idempotent and safe
 * concurrently. Timers do not keep the process alive.
 */
export interface TaskScheduler {
  /** stops the timer and waits for a run in progress */
  stop(): Promise<void>;
}

export function startTaskScheduler(opts: {
  intervalMinutes: number;
  run: () => Promise<void>;
  /** delay before the first run (default 30 s, so start-up and migrations settle first) */
  firstRunDelayMs?: number;
  onError?: (error: unknown) => void;
}): TaskScheduler | null {
  if (opts.intervalMinutes <= 0) return null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = opts
      .run()
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, opts.firstRunDelayMs ?? 30_000);
  const every = setInterval(tick, opts.intervalMinutes * 60_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
