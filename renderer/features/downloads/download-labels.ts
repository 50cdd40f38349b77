/** Sizes, speeds and times left in words, the same everywhere a download is shown. */
import { formatBytes } from '../../../shared/bytes';
import type { Download, DownloadProgress } from '../../../shared/types';

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "20 s left", "3 min left", "1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min left` : `${hours} h left`;
}

/** What a progress bar says: "12 MB of 48 MB, 2.1 MB/s, 20 s left" (parts drop out while unknown). */
export function progressText(bytes: number, total: number | undefined, progress?: DownloadProgress): string {
  const parts = [total ? `${formatBytes(bytes)} of ${formatBytes(total)}` : `${formatBytes(bytes)} so far`];
  if (progress && progress.speed > 0) parts.push(formatSpeed(progress.speed));
  if (progress?.etaSeconds !== undefined) parts.push(formatTimeLeft(progress.etaSeconds));
  return parts.join(', ');
}

/** 0–100 when the size is known. */
export function percentOf(bytes: number, total: number | undefined): number | undefined {
  if (!total || total <= 0) return undefined;
  return Math.min(100, Math.max(0, Math.round((bytes / total) * 100)));
}

/** One line for a download's state, for lists and screen readers. */
export function stateWords(download: Download): string {
  switch (download.state) {
    case 'queued':
      return 'Waiting to download';
    case 'downloading':
      return 'Downloading';
    case 'paused':
      return 'Download paused';
    case 'failed':
      return 'Download failed';
    case 'cancelled':
      return 'Download cancelled';
    case 'completed':
      return 'Downloaded';
  }
}

/** The service says why in words; failures of the call itself read as a sentence too. */
export function failureText(download: Download): string {
  return download.error ?? 'The download stopped for an unknown reason. Try again.';
}
