import { statfs } from 'node:fs/promises';
import { formatBytes } from '../../../shared/bytes.js';
import { DownloadError } from './download-messages.js';

/** Bytes available to this (unprivileged) process on the disk holding `dir`. */
export type FreeSpace = (dir: string) => Promise<number>;

export const statfsFreeSpace: FreeSpace = async (dir) => {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
};

/** Room Earmark leaves on the disk beyond the file itself: a full disk breaks the whole machine, not just us. */
export const defaultFreeSpaceMargin = 64 * 1024 * 1024;

/** Throws the user-facing error when `needed` more bytes (plus the margin) will not fit. */
export async function ensureFreeSpace(
  freeSpace: FreeSpace,
  dir: string,
  needed: number,
  margin = defaultFreeSpaceMargin,
): Promise<void> {
  if (needed <= 0) return;
  const free = await freeSpace(dir);
  if (free >= needed + margin) return;
  const spare = free >= needed ? ` (Earmark keeps ${formatBytes(margin)} spare)` : '';
  throw new DownloadError(
    `Not enough disk space: this episode needs ${formatBytes(needed)}, ${formatBytes(Math.max(0, free))} free${spare}.`,
  );
}
