import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy } from './common/content-security-policy.js';
import { APP_HOST, APP_SCHEME, MEDIA_SCHEME } from './app-origin.js';
import { lookupStatic } from './common/static-files.js';
import { feedIdFromArtworkPath } from './core/feeds/artwork-cache.js';
import { rangeResponse, type MediaFile } from './core/media/range.js';

/**
 * Must run before the app is ready, exactly once. "standard" gives app:// real origins and
 * relative URL resolution; "secure" makes it a secure context; "stream" lets <audio> read
 * earmark-media:// progressively. Neither scheme bypasses CSP.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: Vite's <script type="module" crossorigin> loads in CORS mode, even same-origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer at app://earmark/ with the CSP, and shows' kept artwork at
 * app://earmark/artwork/<feed id> (`artworkFile` finds it; undefined before the app exists); after ready.
 */
export function handleAppProtocol(rendererDir: string, artworkFile: (feedId: string) => MediaFile | undefined): void {
  const csp = contentSecurityPolicy([`${MEDIA_SCHEME}:`]);
  const text = (status: number, body: string) =>
    new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed.');
    const feedId = feedIdFromArtworkPath(url.pathname);
    if (feedId !== undefined) {
      const file = artworkFile(feedId);
      return file ? rangeResponse(request, file) : text(404, 'No artwork is kept for that show.');
    }
    // Standard schemes arrive with ".." already resolved; lookupStatic still refuses anything
    // (encoded or not) that would leave rendererDir.
    const found = lookupStatic(rendererDir, url.pathname);
    if (found.kind === 'not-built') return text(503, 'Earmark has not been built. Run npm run build first.');
    if (found.kind === 'bad-path') return text(400, 'Bad path.');
    if (found.kind === 'not-found') return text(404, 'Not found.');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.file));
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': found.contentType,
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
      },
    });
  });
}
