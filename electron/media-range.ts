import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { contentTypeOf } from './host/static-files.js';

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * One "bytes=" range against a file of `size` bytes: {start, end} inclusive, 'unsatisfiable', or
 * undefined when the header is absent, malformed or asks for several ranges (then the whole file
 * is sent, which RFC 9110 allows).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers a GET or HEAD for a local audio file with Range support (200, 206, 416), because
 * Chromium's <audio> seeks by Range and protocol.handle + net.fetch('file://') does not answer it
 * (electron#38749). Electron-free so it is tested in plain Node.
 */
export async function fileResponse(file: string, method: string, rangeHeader: string | null): Promise<Response> {
  const size = (await stat(file)).size;
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(file),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = Math.max(0, end - start + 1);
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body =
    method === 'HEAD' || length === 0
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
