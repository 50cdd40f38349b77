// Which route answers a browser-host request, after the shutdown, Host-header and token checks every request passes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EarmarkApp } from '../core/app.js';
import { ARTWORK_PATH_PREFIX } from '../core/feeds/artwork-cache.js';
import { callApi } from './api-route.js';
import {
  cookieHoldsToken,
  tokenCookieName,
  TOKEN_PARAM,
  tokenCookie,
  tokenMatches,
  UNAUTHORIZED_MESSAGE,
} from './auth.js';
import { openEventStream } from './event-stream.js';
import { MEDIA_PREFIX, serveArtwork, serveMedia, serveStatic } from './file-routes.js';
import { landingPath } from './landing-path.js';
import { methodNotAllowed, sendText } from './responses.js';

/** What the routes need from the running host. startHost sets port, hosts and origins once it listens. */
export interface HostRouting {
  app: EarmarkApp;
  token: string;
  rendererDir: string;
  heartbeatMs: number;
  log: (message: unknown) => void;
  /** One function per open event stream, ending it (on close). */
  streams: Set<() => void>;
  /** The host is closing: every request is refused. */
  closing: boolean;
  port: number;
  /** Host headers answered (loopback names with the port). */
  hosts: Set<string>;
  /** Origins allowed to call the API (this host's own pages). */
  origins: Set<string>;
}

export async function handleRequest(
  host: HostRouting,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (host.closing) {
    response.setHeader('Connection', 'close');
    return sendText(response, 503, 'Earmark is shutting down.');
  }
  if (!host.hosts.has(request.headers.host ?? '')) {
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
    if (!tokenMatches(query.get(TOKEN_PARAM) ?? undefined, host.token)) {
      return sendText(response, 401, UNAUTHORIZED_MESSAGE);
    }
    response.writeHead(302, {
      'Set-Cookie': tokenCookie(host.port, host.token),
      Location: landingPath(rawUrl, TOKEN_PARAM),
      'Cache-Control': 'no-store',
    });
    response.end();
    return;
  }
  if (!cookieHoldsToken(request, tokenCookieName(host.port), host.token)) {
    return sendText(response, 401, UNAUTHORIZED_MESSAGE);
  }

  if (rawPath === '/api/events') {
    if (method !== 'GET') return methodNotAllowed(response, 'GET');
    const end = openEventStream(host.app.events, response, host.heartbeatMs);
    host.streams.add(end);
    response.on('close', () => host.streams.delete(end));
    return;
  }
  if (isApi) {
    if (method !== 'POST') return methodNotAllowed(response, 'POST');
    return callApi(host.app, host.origins, request, response, rawPath.slice('/api/'.length));
  }
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(response, 'GET, HEAD');
  if (rawPath.startsWith(MEDIA_PREFIX))
    return serveMedia(host.app, request, response, rawPath.slice(MEDIA_PREFIX.length));
  if (rawPath.startsWith(ARTWORK_PATH_PREFIX)) return serveArtwork(host.app, request, response, rawPath);
  return serveStatic(response, host.rendererDir, rawPath, method === 'HEAD', host.log);
}
