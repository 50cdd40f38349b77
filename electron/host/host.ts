import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contract, DEFAULT_MAX_BODY_BYTES, isMethodName, type Envelope } from '../../shared/api.js';
import { createApp, type EarmarkApp } from '../core/app.js';
import { ARTWORK_PATH_PREFIX, feedIdFromArtworkPath } from '../core/feeds/artwork-cache.js';
import { confStoreFactory } from '../core/conf-store.js';
import { mediaFileFor } from '../core/media/media-file.js';
import { sendRange } from '../core/media/range.js';
import type { StoreFactory } from '../core/store.js';
import { contentSecurityPolicy } from '../common/content-security-policy.js';
import {
  allowedHosts,
  allowedOrigins,
  cookieHoldsToken,
  newToken,
  tokenCookieName,
  TOKEN_PARAM,
  tokenCookie,
  tokenMatches,
  UNAUTHORIZED_MESSAGE,
} from './auth.js';
import { openEventStream } from './event-stream.js';
import { landingPath } from './landing-path.js';
import { lookupStatic } from '../common/static-files.js';

export const SNAPSHOT_FILE = 'default-feed-snapshot.xml';

/** Downloaded episodes: /media/<episode id>. The renderer builds these URLs (renderer/api.ts). */
const MEDIA_PREFIX = '/media/';

export interface HostOptions {
  /** Where the stores live. */
  dataDir: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Holds default-feed-snapshot.xml; used only when feedUrl is not given. */
  assetsDir?: string;
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Replaces the default subscription on a fresh data dir. */
  feedUrl?: string;
  /** The podcast directory's search endpoint (default: Apple's iTunes Search API). */
  directoryUrl?: string;
  storeFactory?: StoreFactory;
  fetch?: typeof fetch;
  heartbeatMs?: number;
  log?: (message: unknown) => void;
}

export interface RunningHost {
  /** The link to open: carries the access token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  app: EarmarkApp;
  /** Stops accepting, ends event streams, closes the app. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The browser host: the contract over HTTP on loopback (POST /api/<method>), events over SSE
 * (GET /api/events) and the built renderer as static files. It only moves bytes; every call goes
 * through app.call, which validates input. Access needs the random token from the printed link
 * (exchanged for an HttpOnly cookie) and a loopback Host header.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? ((message: unknown) => console.error(message));
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const token = newToken();
  const { assetsDir, feedUrl } = options;
  const app = createApp({
    dataDir: options.dataDir,
    appName: 'the browser host',
    storeFactory: options.storeFactory ?? confStoreFactory,
    ...(feedUrl !== undefined ? { defaultFeedUrl: feedUrl } : {}),
    // A custom feed has no snapshot: the bundled one belongs to the default show.
    ...(feedUrl === undefined && assetsDir !== undefined
      ? { loadSnapshot: () => readFile(path.join(assetsDir, SNAPSHOT_FILE), 'utf8') }
      : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.directoryUrl !== undefined ? { directoryUrl: options.directoryUrl } : {}),
    log,
  });

  const streams = new Set<() => void>();
  let closing = false;
  let port = 0;
  let hosts = new Set<string>();
  let origins = new Set<string>();
  const csp = contentSecurityPolicy();

  const server: Server = createServer((request, response) => {
    setSecurityHeaders(response, csp);
    handle(request, response).catch((error: unknown) => {
      log(error);
      if (!response.headersSent) sendText(response, 500, 'Earmark hit an internal error. See the terminal.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (closing) {
      response.setHeader('Connection', 'close');
      return sendText(response, 503, 'Earmark is shutting down.');
    }
    if (!hosts.has(request.headers.host ?? '')) {
      return sendText(response, 403, 'Earmark only answers on 127.0.0.1 or localhost.');
    }
    const rawUrl = request.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));
    const isApi = rawPath === '/api' || rawPath.startsWith('/api/');
    const method = request.method ?? 'GET';

    // The printed link: trade the token for a cookie and drop it from the address bar.
    if (!isApi && (method === 'GET' || method === 'HEAD') && query.has(TOKEN_PARAM)) {
      if (!tokenMatches(query.get(TOKEN_PARAM) ?? undefined, token)) {
        return sendText(response, 401, UNAUTHORIZED_MESSAGE);
      }
      response.writeHead(302, {
        'Set-Cookie': tokenCookie(port, token),
        Location: landingPath(rawUrl, TOKEN_PARAM),
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if (!cookieHoldsToken(request, tokenCookieName(port), token)) {
      return sendText(response, 401, UNAUTHORIZED_MESSAGE);
    }

    if (rawPath === '/api/events') {
      if (method !== 'GET') return methodNotAllowed(response, 'GET');
      const end = openEventStream(app.events, response, heartbeatMs);
      streams.add(end);
      response.on('close', () => streams.delete(end));
      return;
    }
    if (isApi) {
      if (method !== 'POST') return methodNotAllowed(response, 'POST');
      return callApi(request, response, rawPath.slice('/api/'.length));
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(response, 'GET, HEAD');
    if (rawPath.startsWith(MEDIA_PREFIX)) return serveMedia(request, response, rawPath.slice(MEDIA_PREFIX.length));
    if (rawPath.startsWith(ARTWORK_PATH_PREFIX)) return serveArtwork(request, response, rawPath);
    return serveStatic(response, rawPath, method === 'HEAD');
  }

  /** A downloaded episode, by id, with Range (the same code answers earmark-media:// in Electron). */
  async function serveMedia(request: IncomingMessage, response: ServerResponse, encodedId: string): Promise<void> {
    let episodeId: string;
    try {
      episodeId = decodeURIComponent(encodedId);
    } catch {
      return sendText(response, 400, 'Bad path.');
    }
    const file = mediaFileFor(app.downloads, episodeId);
    if (!file) return sendText(response, 404, 'That episode is not downloaded.');
    await sendRange(request, response, file);
  }

  /** A show's kept artwork (the same lookup answers app://earmark/artwork/<id> in Electron). */
  async function serveArtwork(request: IncomingMessage, response: ServerResponse, rawPath: string): Promise<void> {
    const feedId = feedIdFromArtworkPath(rawPath);
    const file = feedId === undefined ? undefined : app.artwork.file(feedId);
    if (!file) return sendText(response, 404, 'No artwork is kept for that show.');
    await sendRange(request, response, file);
  }

  async function callApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return sendEnvelope(response, 415, invalid('Send the input as JSON (Content-Type: application/json).'));
    }
    // Cross-site pages cannot set this content type without a preflight we never answer, but a
    // present Origin is checked anyway: only pages this host served may call it.
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return sendEnvelope(response, 403, invalid('Requests from other sites are refused.'));
    }
    // Each method's limit is declared with it in the contract: 1 MB, or more for a whole file.
    const known = isMethodName(name);
    const limit = known ? contract[name].maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
    const body = await readBody(request, limit);
    if (body === 'too-large') {
      response.setHeader('Connection', 'close');
      // Connection: close makes Node drop the unread rest of the body once the answer is sent.
      const megabytes = Math.round(limit / 1_000_000);
      const what = known ? `the limit for ${name}` : 'the limit';
      return sendEnvelope(response, 413, invalid(`The request is larger than ${megabytes} MB, ${what}.`));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendEnvelope(response, 400, invalid('The request body is not valid JSON.'));
    }
    const envelope = await app.call(name, input);
    sendEnvelope(response, statusOf(envelope), envelope);
  }

  function serveStatic(response: ServerResponse, rawPath: string, headOnly: boolean): void {
    const found = lookupStatic(options.rendererDir, rawPath);
    if (found.kind === 'not-built') {
      return sendText(
        response,
        503,
        `Earmark's interface has not been built (no ${path.join(options.rendererDir, 'index.html')}). Run npm run build first.`,
      );
    }
    if (found.kind === 'bad-path') return sendText(response, 400, 'Bad path.');
    if (found.kind === 'not-found') return sendText(response, 404, 'Not found.');
    response.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
    });
    if (headOnly) {
      response.end();
      return;
    }
    createReadStream(found.file)
      .on('error', (error) => {
        log(error);
        response.destroy();
      })
      .pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', log);
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  origins = allowedOrigins(port);
  const origin = `http://127.0.0.1:${port}`;

  // First-run subscribe and sync happen in the background: the ready line must not wait for the network.
  app.start().catch(log);

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const end of streams) end();
      streams.clear();
      server.closeIdleConnections();
      await app.close();
      // Connections still busy after the app closed (a slow upload, say) are not worth waiting for.
      const force = setTimeout(() => server.closeAllConnections(), 2_000);
      await stopped;
      clearTimeout(force);
    })();
    return closed;
  };

  return { url: `${origin}/?${TOKEN_PARAM}=${token}`, origin, port, token, app, close };
}

function setSecurityHeaders(response: ServerResponse, csp: string): void {
  response.setHeader('Content-Security-Policy', csp);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/**
 * The HTTP status that goes with an envelope, so logs and tools see a refused request for what it
 * is. The body is the envelope either way. Other failures stay 200: the request was fine, its
 * handler ran, and the envelope says what happened.
 */
function statusOf(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  if (envelope.error.code === 'unknown-method') return 404;
  if (envelope.error.code === 'invalid-input') return 400;
  return 200;
}

function invalid(message: string): Envelope<never> {
  return { ok: false, error: { code: 'invalid-input', message } };
}

function sendEnvelope(response: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  response.setHeader('Allow', allow);
  sendText(response, 405, 'Method not allowed.');
}

/** Reads the whole body, or stops at the limit. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}
