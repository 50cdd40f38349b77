import { describe, expect, it } from 'vitest';
import { RefreshScheduler, type Timers } from '../../../electron/core/feeds/refresh-scheduler.js';

/** Timers the test fires by hand; records each delay asked for. */
function manualTimers() {
  const live = new Map<number, { fn: () => void; ms: number }>();
  let counter = 0;
  const timers: Timers = {
    set: (fn, ms) => {
      live.set(++counter, { fn, ms });
      return counter;
    },
    clear: (handle) => live.delete(handle as number),
  };
  return {
    timers,
    delays: () => [...live.values()].map((t) => t.ms),
    fire: async () => {
      const entries = [...live.entries()];
      live.clear();
      for (const [, entry] of entries) entry.fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('RefreshScheduler', () => {
  it('refreshes every interval, timed from the end of the previous refresh', async () => {
    const manual = manualTimers();
    let refreshes = 0;
    const scheduler = new RefreshScheduler({
      intervalMinutes: () => 60,
      refresh: async () => void refreshes++,
      timers: manual.timers,
    });
    scheduler.start();
    scheduler.start(); // a second start does not double the timers
    expect(manual.delays()).toEqual([3_600_000]);
    expect(refreshes).toBe(0);
    await manual.fire();
    expect(refreshes).toBe(1);
    expect(manual.delays()).toEqual([3_600_000]);
    await manual.fire();
    expect(refreshes).toBe(2);
    await scheduler.stop();
    expect(manual.delays()).toEqual([]);
  });

  it('is off at 0 and follows a changed interval on reschedule', async () => {
    const manual = manualTimers();
    let minutes = 0;
    const scheduler = new RefreshScheduler({
      intervalMinutes: () => minutes,
      refresh: async () => {},
      timers: manual.timers,
    });
    scheduler.start();
    expect(manual.delays()).toEqual([]);
    minutes = 15;
    scheduler.reschedule();
    expect(manual.delays()).toEqual([900_000]);
    minutes = 0;
    scheduler.reschedule();
    expect(manual.delays()).toEqual([]);
  });

  it('keeps going after a failed refresh, and stop() waits for one under way', async () => {
    const manual = manualTimers();
    const logged: unknown[] = [];
    let finish: () => void = () => {};
    let calls = 0;
    const scheduler = new RefreshScheduler({
      intervalMinutes: () => 1,
      refresh: () => {
        calls++;
        if (calls === 1) return Promise.reject(new Error('offline'));
        return new Promise<void>((resolve) => (finish = resolve));
      },
      timers: manual.timers,
      log: (error) => logged.push(error),
    });
    scheduler.start();
    await manual.fire();
    expect(logged).toHaveLength(1);
    expect(manual.delays()).toEqual([60_000]);
    await manual.fire();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(manual.delays()).toEqual([]); // no new timer after stop
  });
});
