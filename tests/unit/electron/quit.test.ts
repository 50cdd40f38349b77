/**
 * handleQuit against an app that emits Electron's quit events (docs/api/app.md): the deadline, and
 * the second write after the windows are gone. The whole flow inside the real main bundle is in
 * main-boot.test.ts; this one needs a close() that never finishes, which no real service has.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { handleQuit, settleWithin } from '../../../electron/quit.js';

class QuittingApp extends EventEmitter {
  quits = 0;
  finished = false;
  quit(): void {
    this.quits++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('will-quit', { preventDefault: () => {} });
    this.finished = true;
  }
}

/** The Electron App type has ~80 more members; handleQuit uses on() and quit() only. */
const asApp = (app: QuittingApp) => app as unknown as Parameters<typeof handleQuit>[0];

const quietLog = () => {
  const lines: string[] = [];
  return {
    lines,
    error: (error: unknown) => lines.push(`error ${String(error)}`),
    warn: (line: string) => lines.push(line),
  };
};

describe('handleQuit', () => {
  it('quits after the deadline when the services never stop, and still writes what is pending', async () => {
    const app = new QuittingApp();
    const log = quietLog();
    let flushes = 0;
    const quit = handleQuit(asApp(app), {
      close: () => new Promise(() => {}),
      flush: () => flushes++,
      log,
      deadlineMs: 30,
    });
    expect(quit.isQuitting()).toBe(false);
    app.quit();
    expect(quit.isQuitting()).toBe(true);
    expect(app.finished).toBe(false);
    app.quit(); // a second Quit while waiting starts nothing new
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.finished).toBe(true);
    expect(flushes).toBe(1);
    expect(log.lines).toEqual(['Quit: the services did not stop in time; quitting anyway.']);
  });

  it('quits as soon as the services stop, and a failing close is logged, not fatal', async () => {
    const app = new QuittingApp();
    const log = quietLog();
    handleQuit(asApp(app), {
      close: () => Promise.reject(new Error('disk gone')),
      flush: () => {},
      log,
      deadlineMs: 60_000,
    });
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.finished).toBe(true);
    expect(log.lines).toEqual(['error Error: disk gone']);
  });
});

describe('settleWithin', () => {
  it('answers settled for work that ends (even by failing) and timed-out for work that does not', async () => {
    expect(await settleWithin(Promise.resolve(), 1000)).toBe('settled');
    expect(await settleWithin(Promise.reject(new Error('x')), 1000)).toBe('settled');
    expect(await settleWithin(new Promise(() => {}), 10)).toBe('timed-out');
  });
});
