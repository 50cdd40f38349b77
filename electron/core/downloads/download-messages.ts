import { STATUS_CODES } from 'node:http';
import { formatBytes } from '../../../shared/bytes.js';
import { errorCode } from '../error-code.js';

/**
 * Why an attempt failed. transient: worth another try after a pause (network, 5xx, a stall).
 * restart: the partial file is useless (the server's file changed); start over at once.
 */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly kind: 'final' | 'transient' | 'restart' = 'final',
    /** The partial file should go too (a full disk: keeping it would hold the space the user needs). */
    readonly discardPart = false,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** Words for a status that ends the download, or a transient error for ones worth retrying. */
export function statusError(status: number, statusText?: string): DownloadError {
  const reason = `${status} ${statusText?.trim() || STATUS_CODES[status] || ''}`.trim();
  if (status === 404) return new DownloadError(`The episode’s audio file is not on the server (${reason}).`);
  if (status === 410)
    return new DownloadError(`The podcast removed this episode’s audio file from the server (${reason}).`);
  if (status === 401 || status === 403)
    return new DownloadError(`The server refused to hand over the episode’s audio file (${reason}).`);
  if (status === 408 || status === 429 || status >= 500)
    return new DownloadError(`The server had a problem sending the file (${reason}).`, 'transient');
  return new DownloadError(`The server answered ${reason} instead of the episode’s audio file.`);
}

const networkWords: Record<string, string> = {
  ECONNREFUSED: 'The server refused the connection.',
  ENOTFOUND: 'The server’s name could not be found (DNS). Are you offline?',
  EAI_AGAIN: 'The server’s name could not be looked up right now (DNS). Are you offline?',
  ECONNRESET: 'The server closed the connection in the middle of the download.',
  EPIPE: 'The server closed the connection in the middle of the download.',
  ETIMEDOUT: 'The connection to the server timed out.',
  UND_ERR_CONNECT_TIMEOUT: 'The connection to the server timed out.',
  UND_ERR_SOCKET: 'The connection broke off in the middle of the download.',
  EHOSTUNREACH: 'The server cannot be reached from this network.',
  ENETUNREACH: 'The network is unreachable. Are you offline?',
};

/** Errors worth another try: the network, not the server's answer. TLS trouble is final. */
const finalNetworkCodes = new Set(['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** Turns what fetch or the body stream threw into a DownloadError (transient unless clearly not). */
export function networkError(error: unknown): DownloadError {
  if (error instanceof DownloadError) return error;
  const code = errorCode(error);
  if (code === 'ENOSPC')
    return new DownloadError(
      'The disk is full: the episode could not be saved. Free some space and try again.',
      'final',
      true,
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new DownloadError(`Earmark cannot write to its media folder (${code}).`);
  if (code && finalNetworkCodes.has(code))
    return new DownloadError(`The server’s security certificate is not valid (${code}).`);
  const words = (code && networkWords[code]) ?? 'The connection broke off in the middle of the download.';
  return new DownloadError(code && !networkWords[code] ? `${words} (${code})` : words, 'transient');
}

/**
 * A warning for a finished file whose size is far (over a quarter) from the length the feed
 * announces: it may be cut short or another version. Small differences are normal (ads inserted
 * per request, tags rewritten), so they say nothing.
 */
export function sizeNote(bytes: number, announced: number | undefined): string | undefined {
  if (announced === undefined || Math.abs(bytes - announced) <= announced / 4) return undefined;
  return `This file is ${formatBytes(bytes)}, but the feed announces ${formatBytes(announced)}. It may be cut short or a different version of the episode; if it stops early, remove the download and download it again.`;
}

/** Why a download without a stated length was not called complete. */
export function unconfirmedEndWords(bytes: number, announced: number | undefined): string {
  const feed = announced === undefined ? '' : ` (the feed announces ${formatBytes(announced)})`;
  return `The server did not say how long the file is, and Earmark could not confirm that it ends after ${formatBytes(bytes)}${feed}. What was downloaded is kept: Retry to ask again.`;
}

/** The notice for stray files moved out of the media folder at start-up. */
export function keptAsideWords(files: number, size: string, dir: string): string {
  const them = files === 1 ? 'a downloaded file' : `${files} downloaded files`;
  return `Earmark found ${them} (${size}) it could not match to an episode in your library, so it moved ${files === 1 ? 'it' : 'them'} to ${dir} instead of deleting ${files === 1 ? 'it' : 'them'}. Earmark puts back any it can match at a later start; delete the folder if you don't need ${files === 1 ? 'it' : 'them'}.`;
}

/** The notice for records that could not be read (wrong shape, or no list at all). */
export function unreadableRecordsWords(read: { dropped: number; notAList: boolean }, copy: string | undefined): string {
  const one = read.dropped === 1;
  const what = read.notAList
    ? 'Earmark could not read your list of downloads'
    : `Earmark could not read ${read.dropped} ${one ? 'entry' : 'entries'} in your list of downloads and left ${one ? 'it' : 'them'} out`;
  const kept = copy ? ` The list as it was is kept as ${copy}.` : '';
  return `${what}.${kept} Downloaded files are not deleted: Earmark adds back the ones it can match to an episode and keeps the others aside.`;
}

/** The notice for files adopted again after their records were lost. */
export function adoptedWords(complete: number, partial: number): string {
  const found: string[] = [];
  if (complete > 0) found.push(`${complete} downloaded ${complete === 1 ? 'episode' : 'episodes'}`);
  if (partial > 0)
    found.push(`${partial} partly downloaded ${partial === 1 ? 'episode' : 'episodes'} (paused: Resume to finish)`);
  return `Earmark found ${found.join(' and ')} whose download records were lost, and added them back to Downloads.`;
}
