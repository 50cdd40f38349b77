import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { STORE_FILE_MODE } from './store.js';

/** Who holds a data folder: written into its lock file, read by the next one to try. */
interface Holder {
  pid: number;
  /** Tells two holders in one process apart (tests, or an app reopened before the old one closed). */
  token?: string;
  host: string;
  /** "the desktop app", "the browser host". */
  app: string;
  since: string;
}

export const LOCK_FILE = 'earmark.lock';

/** A second Earmark on a data folder one already uses: the message is for the user, as it is. */
export class DataFolderInUseError extends Error {}

/**
 * One writer per data folder. Every store is read once into memory and written back whole, so two
 * processes on one folder (two browser hosts, the app and a host) would silently overwrite each
 * other's changes. The lock is a file created exclusively (O_EXCL), holding the owner's pid: a
 * holder that died (a crash, kill -9) is seen at once on the same machine and the lock is taken
 * over, instead of waiting for a timeout as lock libraries that go by the file's age do.
 * Returns the release function.
 */
export function lockDataFolder(dataDir: string, app: string, now: () => Date = () => new Date()): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, token: randomUUID(), host: hostname(), app, since: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', STORE_FILE_MODE);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => release(file, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) {
      const where = holder.host === me.host ? '' : ` on ${holder.host}`;
      const stale = holder.host === me.host ? '' : ` If it is not running any more, delete ${file}.`;
      throw new DataFolderInUseError(
        `Another Earmark (${holder.app}, process ${holder.pid}${where}) is using the data folder ${dataDir}. Close it first, or choose another data folder.${stale}`,
      );
    }
    rmSync(file, { force: true }); // left by an Earmark that is gone
  }
  throw new DataFolderInUseError(
    `Another Earmark started on the data folder ${dataDir} at the same moment. Try again.`,
  );
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { ...holder, pid: holder.pid, host: holder.host, app: holder.app ?? 'Earmark', since: holder.since ?? '' }
      : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as left behind
  }
}

/** Alive on this machine (signal 0 checks without signalling); on another machine, assumed so. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

/** Removes the lock if it is still ours (never one a later Earmark took over). */
function release(file: string, me: Holder): void {
  const holder = readHolder(file);
  if (holder && holder.token === me.token && holder.host === me.host) rmSync(file, { force: true });
}
