import { createReadStream } from 'node:fs';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The one Range implementation (RFC 9110 §14) behind both ways Earmark plays a downloaded file:
 * Electron's earmark-media:// protocol (a Web Response) and the browser host (a Node
 * ServerResponse). Electron's net.fetch('file://') does not honour Range (electron#38749) and
 * Chromium cannot seek without it, so we answer it ourselves.
 */

/** A file that is safe to serve: resolved by mediaFileFor, never from request text. */
export interface MediaFile {
  path: string;
  size: number;
  contentType: string;
  /** Enables ETag / Last-Modified and so If-Range. */
  mtimeMs?: number;
}

export interface RangeRequest {
  method: string;
  /** The Range header, if any. */
  range?: string | null;
  /** The If-Range header, if any: when it does not match, the whole file is sent (200). */
  ifRange?: string | null;
}

/** Inclusive byte offsets, as in Content-Range. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface RangePlan {
  status: 200 | 206 | 405 | 416;
  headers: Record<string, string>;
  /** Bytes to send; absent when there is no body (HEAD, 416, 405, empty file). */
  body?: ByteRange;
}

/**
 * Decides status, headers and bytes for a request on a file of `size` bytes.
 * - no Range (or an unknown unit, malformed syntax, a stale If-Range) → 200, the whole file;
 * - `bytes=a-b`, `bytes=a-`, `bytes=-n` → 206 with Content-Range (b clipped to the end);
 * - several ranges → 206 with the first satisfiable one only: media elements ask for one range at
 *   a time, and a client must read Content-Range anyway, so multipart/byteranges buys nothing;
 * - nothing satisfiable → 416 with `Content-Range: bytes *\/size`;
 * - HEAD → the same status and headers, no body; other methods → 405.
 */
export function planRange(request: RangeRequest, file: Omit<MediaFile, 'path'>): RangePlan {
  const { size } = file;
  const headers: Record<string, string> = { 'Accept-Ranges': 'bytes', 'Content-Type': file.contentType };
  const validators = validatorsFor(file);
  if (validators) {
    headers.ETag = validators.etag;
    headers['Last-Modified'] = validators.lastModified;
  }
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Length': '0' } };
  const wantsBody = method === 'GET';
  const whole = (): RangePlan => ({
    status: 200,
    headers: { ...headers, 'Content-Length': String(size) },
    body: wantsBody && size > 0 ? { start: 0, end: size - 1 } : undefined,
  });

  if (!request.range) return whole();
  if (
    request.ifRange &&
    !(validators && (request.ifRange === validators.etag || request.ifRange === validators.lastModified))
  )
    return whole();
  const specs = parseRangeHeader(request.range);
  if (!specs) return whole();
  const chosen = specs.map((spec) => satisfy(spec, size)).find((range) => range !== undefined);
  if (!chosen)
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } };
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Range': `bytes ${chosen.start}-${chosen.end}/${size}`,
      'Content-Length': String(chosen.end - chosen.start + 1),
    },
    body: wantsBody ? chosen : undefined,
  };
}

/** A range as written: first-last, first- (last absent), or -suffix (first absent). */
export interface RangeSpec {
  first?: number;
  last?: number;
  suffix?: number;
}

/** Parses `bytes=…`; undefined when the unit is not bytes or any part is malformed (then Range is ignored). */
export function parseRangeHeader(value: string): RangeSpec[] | undefined {
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(value);
  if (!match?.[1]) return undefined;
  const specs: RangeSpec[] = [];
  for (const part of match[1].split(',')) {
    const text = part.trim();
    if (!text) continue; // "bytes=0-1, ,5-" : empty list elements are allowed
    const spec = /^(\d*)-(\d*)$/.exec(text);
    if (!spec) return undefined;
    const [, first, last] = spec;
    if (!first && !last) return undefined;
    const number = (digits: string) =>
      Number.isSafeInteger(Number(digits)) ? Number(digits) : Number.MAX_SAFE_INTEGER;
    if (!first) specs.push({ suffix: number(last as string) });
    else if (!last) specs.push({ first: number(first) });
    else {
      const range = { first: number(first), last: number(last) };
      if (range.last < range.first) return undefined;
      specs.push(range);
    }
  }
  return specs.length ? specs : undefined;
}

function satisfy(spec: RangeSpec, size: number): ByteRange | undefined {
  if (size === 0) return undefined;
  if (spec.suffix !== undefined)
    return spec.suffix === 0 ? undefined : { start: Math.max(0, size - spec.suffix), end: size - 1 };
  const start = spec.first ?? 0;
  if (start >= size) return undefined;
  return { start, end: Math.min(spec.last ?? size - 1, size - 1) };
}

function validatorsFor(file: Omit<MediaFile, 'path'>): { etag: string; lastModified: string } | undefined {
  if (file.mtimeMs === undefined) return undefined;
  return {
    etag: `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`,
    lastModified: new Date(Math.floor(file.mtimeMs / 1000) * 1000).toUTCString(),
  };
}

/** For Electron's protocol.handle: a Web Response streaming just the planned bytes. */
export function rangeResponse(request: { method: string; headers: Headers }, file: MediaFile): Response {
  const plan = planRange(
    { method: request.method, range: request.headers.get('range'), ifRange: request.headers.get('if-range') },
    file,
  );
  if (!plan.body) return new Response(null, { status: plan.status, headers: plan.headers });
  const stream = createReadStream(file.path, { start: plan.body.start, end: plan.body.end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    status: plan.status,
    headers: plan.headers,
  });
}

/** For the browser host: writes the planned answer to a Node ServerResponse. Resolves when sent (or the client left). */
export async function sendRange(
  request: { method?: string; headers: IncomingHttpHeaders },
  response: ServerResponse,
  file: MediaFile,
): Promise<void> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const plan = planRange(
    { method: request.method ?? 'GET', range: header('range'), ifRange: header('if-range') },
    file,
  );
  response.writeHead(plan.status, plan.headers);
  if (!plan.body) {
    response.end();
    return;
  }
  try {
    await pipeline(createReadStream(file.path, { start: plan.body.start, end: plan.body.end }), response);
  } catch {
    // The player seeks by dropping one request and opening another: a closed socket is routine.
  }
}
