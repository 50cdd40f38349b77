import type { App } from 'electron';

/** How long a quit waits for the services to stop before the app goes anyway. */
export const QUIT_DEADLINE_MS = 4000;

/** Resolves when `work` settles or after `ms`, whichever is first; never rejects. */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<'settled' | 'timed-out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timed-out'>((resolve) => (timer = setTimeout(() => resolve('timed-out'), ms)));
  const settled = work.then(
    () => 'settled' as const,
    () => 'settled' as const,
  );
  return Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
}

export interface QuitOptions {
  /** Runs once, as the quit starts, before close(). */
  beforeClose?: () => void;
  /** Stops the services: syncs aborted, downloads paused, stores written. */
  close: () => Promise<void>;
  /** Writes what arrived after close (the windows' last position saves); synchronous. */
  flush: () => void;
  log: { error(error: unknown): void; warn(message: string): void };
  deadlineMs?: number;
}

/**
 * A quit that never hangs and loses no position. Electron emits before-quit, closes the windows,
 * then emits will-quit (docs/api/app.md). The first before-quit is held back while the services
 * close, for at most the deadline; then the quit goes on. A closing window saves its position on
 * the way out (the renderer's pagehide), which lands after close(), so will-quit writes again.
 * Returns isQuitting, which window code asks to tell a quit from a closed window.
 */
export function handleQuit(app: Pick<App, 'on' | 'quit'>, options: QuitOptions): { isQuitting: () => boolean } {
  let quitting = false;
  let stopping: Promise<void> | undefined;
  let stopped = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    try {
      options.beforeClose?.();
    } catch (error) {
      options.log.error(error);
    }
    stopping = settleWithin(
      options.close().catch((error: unknown) => options.log.error(error)),
      options.deadlineMs ?? QUIT_DEADLINE_MS,
    ).then((outcome) => {
      if (outcome === 'timed-out') options.log.warn('Quit: the services did not stop in time; quitting anyway.');
      stopped = true;
      app.quit();
    });
  });
  app.on('will-quit', () => {
    try {
      options.flush();
    } catch (error) {
      options.log.error(error);
    }
  });
  return { isQuitting: () => quitting };
}
