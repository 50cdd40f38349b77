import { FileSink } from './file-sink.js';
import { DownloadError, networkError, statusError } from './download-messages.js';
import type { HttpAnswer, HttpGet } from './http-get.js';
import {
  ifRangeValue,
  isNotAudio,
  isRedirect,
  parseContentRange,
  parseLength,
  validatorsDiffer,
} from './http-headers.js';

export interface TransferOptions {
  /** The enclosure URL; redirects are followed from it on every attempt (CDN links expire). */
  url: string;
  partPath: string;
  /** Bytes already in the .part file: asked for with Range when > 0. */
  offset: number;
  /** Validators from the response that wrote those bytes, sent as If-Range. */
  etag?: string;
  lastModified?: string;
  /** The size a server stated earlier for this file; a resume must agree with it. */
  statedTotal?: number;
  get: HttpGet;
  /** Aborted by the manager to stop (pause, cancel, shutdown) or by its stall watchdog; the reason is rethrown. */
  signal: AbortSignal;
  maxRedirects: number;
  /** The server's answer is known and nothing is written yet: check free space, store validators. May throw. */
  onHeaders(info: HeadersInfo): Promise<void> | void;
  /** Writing starts at `start`; the manager reads sink.bytesWritten for progress (no per-chunk work). */
  onWriting(start: number, sink: FileSink): void;
  /** Called when a response arrives, so a watchdog can tell a slow server from a stuck one. */
  onActivity?(): void;
}

export interface HeadersInfo {
  /** Where writing starts: the old offset, or 0 when the server sends the whole file. */
  start: number;
  /** The whole file's size, when the server stated it. */
  total?: number;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

export interface TransferResult {
  /** Bytes now in the .part file. */
  bytes: number;
  /** Where this answer started writing: 0 for a whole body. */
  start: number;
  /** The size the server stated; when present, bytes equals it. */
  total?: number;
  /** Asked for the bytes past our end, the server said there are none (a 416, or a 206 with nothing). */
  endConfirmed?: boolean;
  contentType?: string;
}

/**
 * One attempt at the file: GET (with Range + If-Range when resuming), redirects followed by hand
 * and counted, the body streamed to the .part file. Resolves only when every stated byte is on
 * disk; otherwise throws a DownloadError (transient, final or restart) or the signal's reason.
 */
export async function transfer(options: TransferOptions): Promise<TransferResult> {
  const { signal } = options;
  try {
    const response = await request(options);
    options.onActivity?.();
    const { status } = response;
    const headers = { get: (name: string) => response.header(name) ?? null };

    if (status === 416) {
      response.discard();
      // Nothing past our offset: complete if that is where the file ends, else our bytes are stale.
      const total = parseContentRange(headers.get('content-range'))?.total ?? options.statedTotal;
      if (options.offset > 0 && (total === undefined || total === options.offset))
        return { bytes: options.offset, start: options.offset, total, endConfirmed: true };
      throw new DownloadError('The file on the server changed; starting again.', 'restart');
    }
    if (status !== 200 && status !== 206) {
      response.discard();
      throw statusError(status, response.statusText);
    }
    const contentType = headers.get('content-type') ?? undefined;
    if (isNotAudio(contentType ?? null)) {
      response.discard();
      throw new DownloadError(
        `The download address returned a web page (${contentType}), not audio. The podcast’s host may have moved the file.`,
      );
    }
    // A server that compresses anyway states the compressed length; fetch hands us decoded bytes.
    const encoded = !/^(identity)?$/i.test(headers.get('content-encoding')?.trim() ?? '');
    let start = 0;
    let total: number | undefined;
    const etag = headers.get('etag') ?? undefined;
    const lastModified = headers.get('last-modified') ?? undefined;
    if (status === 206) {
      // A server that ignores If-Range still says which version it sends: appending another
      // version's bytes would splice two files into one, so a changed validator starts over.
      if (validatorsDiffer({ etag: options.etag, lastModified: options.lastModified }, { etag, lastModified })) {
        response.discard();
        throw new DownloadError('The file on the server changed since the download began; starting again.', 'restart');
      }
      const range = parseContentRange(headers.get('content-range'));
      // "bytes */N" with N our offset: nothing past it, like a 416.
      if (range && range.start === undefined && range.total === options.offset && options.offset > 0) {
        response.discard();
        return { bytes: options.offset, start: options.offset, total: range.total, endConfirmed: true };
      }
      const agrees =
        range?.start === options.offset &&
        (range.total === undefined || options.statedTotal === undefined || range.total === options.statedTotal);
      if (!agrees) {
        response.discard();
        throw new DownloadError('The server sent a different part of the file than asked; starting again.', 'restart');
      }
      start = options.offset;
      total = range.total;
    } else {
      // 200 to a resume: the server ignored Range or If-Range said the file changed. Start clean.
      total = encoded ? undefined : parseLength(headers.get('content-length'));
    }
    await options.onHeaders({ start, total, contentType, etag, lastModified });

    const sink = new FileSink(options.partPath, start > 0);
    options.onWriting(start, sink);
    await sink.drain(response.body, signal);
    const bytes = start + sink.bytesWritten;
    if (total !== undefined && bytes !== total)
      throw new DownloadError(
        `The server stopped sending after ${bytes} of ${total} bytes.`,
        bytes < total ? 'transient' : 'restart',
      );
    // A chunked body is framed (a cut one fails above, as an error), so where it ended is its end. A
    // 206 from our end that brings nothing confirms the end as a 416 would. Only a close-delimited
    // body, whose cut looks just like its end, is left unconfirmed.
    const chunked = /\bchunked\b/i.test(headers.get('transfer-encoding') ?? '');
    const endConfirmed = chunked || (status === 206 && start > 0 && sink.bytesWritten === 0);
    return { bytes, start, total, contentType, ...(endConfirmed ? { endConfirmed } : {}) };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw networkError(error);
  }
}

/** GET with redirects followed by hand, so hops are counted and loops named. */
async function request(options: TransferOptions): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    accept: '*/*',
    // Byte offsets must mean file offsets: no transfer compression (audio does not shrink anyway).
    'accept-encoding': 'identity',
    'user-agent': 'Earmark/0.1 (desktop podcast app)',
  };
  if (options.offset > 0) {
    headers.range = `bytes=${options.offset}-`;
    const ifRange = ifRangeValue(options.etag, options.lastModified);
    if (ifRange) headers['if-range'] = ifRange;
  }
  const visited = [options.url];
  let current = options.url;
  for (;;) {
    const response = await options.get(current, { signal: options.signal, headers });
    if (!isRedirect(response.status)) return response;
    response.discard();
    options.onActivity?.();
    const location = response.header('location');
    if (!location) throw new DownloadError(`The server redirected (${response.status}) without saying where to.`);
    const next = new URL(location, current).href;
    if (!/^https?:$/.test(new URL(next).protocol))
      throw new DownloadError('The download redirects to an address that is not http or https.');
    if (visited.includes(next)) throw new DownloadError('The download address redirects in a loop.');
    if (visited.length > options.maxRedirects)
      throw new DownloadError(`The download address redirected more than ${options.maxRedirects} times.`);
    visited.push(next);
    current = next;
  }
}
