import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** What a fixture route does wrong (or right) when it serves a file. */
export interface ServeOptions {
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Answer 200 with the whole file even to Range requests. */
  ignoreRange?: boolean;
  /** Close the connection after this many body bytes of this answer. */
  cutAfter?: number;
  /** Claim this Content-Length (a lie) instead of the real one. */
  claimLength?: number;
  /** No Content-Length: chunked transfer. */
  chunked?: boolean;
  /** No Content-Length and no chunks: the body ends when the connection closes, so a cut looks like the end. */
  closeDelimited?: boolean;
  /** Answer a Range even when If-Range names another version (a server that ignores If-Range). */
  ignoreIfRange?: boolean;
  /** Throttle: bytes per second, sent in 16 KB slices. */
  bytesPerSecond?: number;
}

/** A deterministic-enough random file and its sha256. */
export function makeFile(size: number): { data: Buffer; sha256: string } {
  const data = randomBytes(size);
  return { data, sha256: sha256(data) };
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Serves `data` with Range + If-Range support and the faults in `options`. */
export function serveBytes(
  res: ServerResponse,
  headers: IncomingHttpHeaders,
  data: Buffer,
  options: ServeOptions = {},
): void {
  const base: Record<string, string> = {
    'content-type': options.contentType ?? 'audio/mpeg',
    'accept-ranges': 'bytes',
  };
  if (options.etag) base.etag = options.etag;
  if (options.lastModified) base['last-modified'] = options.lastModified;
  let start = 0;
  let status = 200;
  const range = /^bytes=(\d+)-$/.exec(headers.range ?? '');
  const ifRange = headers['if-range'];
  const validatorOk = !ifRange || options.ignoreIfRange || ifRange === options.etag || ifRange === options.lastModified;
  if (range && !options.ignoreRange && validatorOk) {
    start = Number(range[1]);
    if (start >= data.length) {
      res.writeHead(416, { ...base, 'content-range': `bytes */${data.length}` }).end();
      return;
    }
    status = 206;
    base['content-range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
  }
  const body = data.subarray(start);
  // Node close-delimits a response without Content-Length when chunked encoding is off.
  if (options.closeDelimited) res.useChunkedEncodingByDefault = false;
  else if (!options.chunked) base['content-length'] = String(options.claimLength ?? body.length);
  res.writeHead(status, base);
  const limit = options.cutAfter === undefined ? body.length : Math.min(options.cutAfter, body.length);
  const slice = 16 * 1024;
  const delay = options.bytesPerSecond ? (slice / options.bytesPerSecond) * 1000 : 0;
  let sent = 0;
  const next = (): void => {
    if (res.destroyed) return;
    if (sent >= limit) {
      // A cut (or a lying length) ends the socket without finishing the declared body; without a
      // declared length a cut is a clean close, just like the real end.
      if (options.closeDelimited) res.end();
      else if (limit < body.length || options.claimLength !== undefined) res.destroy();
      else res.end();
      return;
    }
    const piece = body.subarray(sent, Math.min(limit, sent + slice));
    sent += piece.length;
    const more = res.write(piece);
    if (delay) setTimeout(next, delay);
    else if (more) setImmediate(next);
    else res.once('drain', next);
  };
  next();
}
