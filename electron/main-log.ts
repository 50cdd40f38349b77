import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** Past this the log starts over (the previous one kept as main.old.log). */
const maxBytes = 1024 * 1024;

export interface MainLog {
  /** Where the log is written; named in the startup-failure dialog. */
  readonly file: string;
  error(error: unknown): void;
  warn(message: string): void;
}

/**
 * The main process's log: what it prints goes to the console and to <logsDir>/main.log, so a
 * failure in an app started from the desktop (no terminal) can still be read afterwards. Errors are
 * rare and small, so each is appended synchronously: it is on disk even if the process dies next.
 */
export function createMainLog(logsDir: string): MainLog {
  const file = path.join(logsDir, 'main.log');
  const write = (level: string, text: string) => {
    try {
      mkdirSync(logsDir, { recursive: true });
      if (statSizeOf(file) > maxBytes) renameSync(file, path.join(logsDir, 'main.old.log'));
      appendFileSync(file, `${new Date().toISOString()} ${level} ${text}\n`);
    } catch {
      // A log that can't be written must not take the app down with it.
    }
  };
  return {
    file,
    error(error) {
      console.error(error);
      write('error', error instanceof Error ? (error.stack ?? error.message) : String(error));
    },
    warn(message) {
      console.warn(message);
      write('warn', message);
    },
  };
}

function statSizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
