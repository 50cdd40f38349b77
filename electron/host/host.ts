import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp, type EarmarkApp } from '../core/app.js';
import { confStoreFactory } from '../core/conf-store.js';
import type { StoreFactory } from '../core/store.js';
import { contentSecurityPolicy } from '../common/content-security-policy.js';
import { allowedHosts, allowedOrigins, newToken, TOKEN_PARAM } from './auth.js';
import { sendText, setSecurityHeaders } from './responses.js';
import { handleRequest, type HostRouting } from './routes.js';

export const SNAPSHOT_FILE = 'default-feed-snapshot.xml';

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
 * (exchanged for an HttpOnly cookie) and a loopback Host header. The routes are in routes.ts.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? ((message: unknown) => console.error(message));
  const app = createHostApp(options, log);
  const host: HostRouting = {
    app,
    token: newToken(),
    rendererDir: options.rendererDir,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    log,
    streams: new Set(),
    closing: false,
    port: 0,
    hosts: new Set(),
    origins: new Set(),
  };
  const csp = contentSecurityPolicy();

  const server: Server = createServer((request, response) => {
    setSecurityHeaders(response, csp);
    handleRequest(host, request, response).catch((error: unknown) => {
      log(error);
      if (!response.headersSent) sendText(response, 500, 'Earmark hit an internal error. See the terminal.');
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', log);
  const port = (server.address() as AddressInfo).port;
  host.port = port;
  host.hosts = allowedHosts(port);
  host.origins = allowedOrigins(port);
  const origin = `http://127.0.0.1:${port}`;

  // First-run subscribe and sync happen in the background: the ready line must not wait for the network.
  app.start().catch(log);

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      host.closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const end of host.streams) end();
      host.streams.clear();
      server.closeIdleConnections();
      await app.close();
      // Connections still busy after the app closed (a slow upload, say) are not worth waiting for.
      const force = setTimeout(() => server.closeAllConnections(), 2_000);
      await stopped;
      clearTimeout(force);
    })();
    return closed;
  };

  return { url: `${origin}/?${TOKEN_PARAM}=${host.token}`, origin, port, token: host.token, app, close };
}

/** The app behind the host, on its own data folder, with the snapshot only for the default show. */
function createHostApp(options: HostOptions, log: (message: unknown) => void): EarmarkApp {
  const { assetsDir, feedUrl } = options;
  return createApp({
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
}
