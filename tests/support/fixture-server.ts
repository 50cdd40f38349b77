/**
 * A small, controllable HTTP server for tests: feeds as text, audio as files with real Range
 * support (Chromium seeks jump back to 0 without it), custom routes for faults, and a request log.
 * Binds 127.0.0.1 on a free port. Reusable by any test (Playwright, Vitest).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RequestRecord {
  method: string;
  path: string;
  range: string | undefined;
  status: number;
}

export interface FixtureServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Serves text at path; a function is called per request, so the body can change over time. */
  text(path: string, body: string | (() => string), contentType?: string): void;
  /** Serves a file at path with Range, HEAD and 416 handled. */
  file(path: string, filePath: string, contentType?: string): void;
  /** Replaces whatever path served with a custom handler (for faults: delays, resets, odd statuses). */
  route(path: string, handler: RouteHandler): void;
  /** Forgets a path: it answers 404 from now on. */
  remove(path: string): void;
  /** Every request answered so far, in order. */
  readonly requests: readonly RequestRecord[];
  /** Closes the server and every open connection. Idempotent. */
  stop(): Promise<void>;
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * Parses a single-range `Range: bytes=…` header against a size. Returns undefined when the header
 * is absent, malformed or asks for several ranges (RFC 9110 lets a server ignore it then).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function serveFile(req: IncomingMessage, res: ServerResponse, filePath: string, contentType: string): void {
  const size = statSync(filePath).size;
  const range = parseRange(req.headers.range, size);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', contentType);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers: Record<string, string | number> = { 'Content-Length': size === 0 ? 0 : end - start + 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(filePath, { start, end });
  stream.on('error', () => res.destroy());
  // A client that seeks aborts the old request; stop reading the file for it.
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: RequestRecord[] = [];

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
    res.on('finish', () =>
      requests.push({ method: req.method ?? 'GET', path, range: req.headers.range, status: res.statusCode }),
    );
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Not found: ${path}\n`);
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Fixture handler failed: ${String(error)}\n`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;

  const onlyGetAndHead = (handler: RouteHandler): RouteHandler => {
    return (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      return handler(req, res);
    };
  };

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    text(path, body, contentType = 'text/plain; charset=utf-8') {
      routes.set(
        path,
        onlyGetAndHead((req, res) => {
          const bytes = Buffer.from(typeof body === 'function' ? body() : body, 'utf8');
          res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': bytes.length });
          res.end(req.method === 'HEAD' ? undefined : bytes);
        }),
      );
    },
    file(path, filePath, contentType = 'application/octet-stream') {
      routes.set(
        path,
        onlyGetAndHead((req, res) => serveFile(req, res, filePath, contentType)),
      );
    },
    route(path, handler) {
      routes.set(path, handler);
    },
    remove(path) {
      routes.delete(path);
    },
    requests,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; without this close() waits for them.
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
