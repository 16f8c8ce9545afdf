import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError, loadConfig } from "./config";
import { startTaskScheduler } from "./task-scheduler";

describe("task scheduler", () => {
  it("is configured by OPENAIMS_TASK_SCHEDULE_MINUTES: hourly by default, off in tests, 0 = off", () => {
    assert.equal(loadConfig({}).taskScheduleMinutes, 60);
    assert.equal(loadConfig({ NODE_ENV: "test" }).taskScheduleMinutes, 0);
    assert.equal(
      loadConfig({ NODE_ENV: "test", OPENAIMS_TASK_SCHEDULE_MINUTES: "15" }).taskScheduleMinutes,
      15,
    );
    assert.equal(loadConfig({ OPENAIMS_TASK_SCHEDULE_MINUTES: "0" }).taskScheduleMinutes, 0);
    assert.throws(
      () => loadConfig({ OPENAIMS_TASK_SCHEDULE_MINUTES: "-5" }),
      (e: unknown) => e instanceof ConfigError && /OPENAIMS_TASK_SCHEDULE_MINUTES="-5"/.test(e.message),
    );
    assert.throws(() => loadConfig({ OPENAIMS_TASK_SCHEDULE_MINUTES: "hourly" }), ConfigError);
  });

  it("does not start when the interval is 0", () => {
    assert.equal(startTaskScheduler({ intervalMinutes: 0, run: async () => {} }), null);
  });

  it("runs first after the start delay, never overlaps, and stop waits for the run in progress", async () => {
    let runs = 0;
    let finished = 0;
    let release!: () => void;
    const scheduler = startTaskScheduler({
      intervalMinutes: 60,
      firstRunDelayMs: 5,
      run: async () => {
        runs += 1;
        await new Promise<void>((r) => (release = r));
        finished += 1;
      },
    })!;
    assert.equal(runs, 0);
    await sleep(30);
    assert.equal(runs, 1);
    const stopping = scheduler.stop();
    assert.equal(finished, 0);
    release();
    await stopping;
    assert.equal(finished, 1);
    await sleep(20);
    assert.equal(runs, 1, "no run after stop");
  });

  it("reports a failed run and keeps going", async () => {
    const errors: unknown[] = [];
    const scheduler = startTaskScheduler({
      intervalMinutes: 60,
      firstRunDelayMs: 1,
      run: async () => {
        throw new Error("database away");
      },
      onError: (e) => errors.push(e),
    })!;
    await sleep(20);
    await scheduler.stop();
    assert.equal(errors.length, 1);
    assert.match((errors[0] as Error).message, /database away/);
  });
});
