import { protocol } from 'electron';
import { MEDIA_SCHEME } from './app-origin.js';
import { fileResponse } from './media-range.js';

/**
 * earmark-media://episode/<id> serves a downloaded episode with Range support. `resolve` (from
 * the downloads service, when it exists) maps a URL to a local file, or undefined: the adapter
 * never turns a URL path into a file path itself, so no traversal is possible here.
 */
export function handleMediaProtocol(resolve: (url: URL) => string | undefined): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolve(new URL(request.url));
    if (!file) return new Response(null, { status: 404 });
    try {
      return await fileResponse(file, request.method, request.headers.get('range'));
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
