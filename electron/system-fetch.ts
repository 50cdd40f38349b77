import { Readable } from 'node:stream';
import type { ClientRequestConstructorOptions, IncomingMessage, Net } from 'electron';

/** The part of Electron's `net` module this file uses (a fake stands in for it in tests). */
export type NetModule = Pick<Net, 'request'>;

/**
 * The app's one HTTP client in Electron: Chromium's network stack through `net.request`, so feeds,
 * chapters files and downloads follow the system proxy settings (PAC included) and trust the OS
 * certificate store, as the rest of the desktop does. The browser host and the tests keep Node's
 * fetch. It answers like fetch, for the GETs Earmark makes (no request bodies).
 *
 * Why `net.request` and not `net.fetch`, which is fetch already:
 * - `redirect: 'manual'` (feed and download code follow redirects by hand, to track permanent moves
 *   and cap the hops) makes `net.fetch` reject with "Redirect was cancelled" instead of answering
 *   the 3xx (electron#43715: it never calls followRedirect). Here the 'redirect' event's status and
 *   address become a bodiless 3xx Response with `Location`, as Node's fetch gives.
 * - Electron hands response headers to JS decoded as UTF-8, and fetch's Headers take only byte
 *   strings, so one header with a non-Latin-1 file name (`Content-Disposition: filename="第1回.mp3"`)
 *   makes `net.fetch` throw inside an event handler and never settle. Here such values are turned
 *   back into the bytes that came over the wire.
 *
 * `cache: 'no-store'` and `credentials: 'omit'`: Earmark does its own revalidation (ETag,
 * Last-Modified) and resumes downloads with Range, so Chromium's HTTP cache must not answer for the
 * server; and feed servers get no cookies from the app's session.
 */
export function systemFetch(net: NetModule): typeof fetch {
  return (input, init) => {
    let request: Request;
    try {
      request = new Request(input as Request | string | URL, init);
    } catch (error) {
      return Promise.reject(error);
    }
    if (request.body) return Promise.reject(new TypeError('Earmark’s Electron fetch sends no request bodies.'));
    return send(net, request);
  };
}

const nullBodyStatus = new Set([204, 205, 304]);

function send(net: NetModule, request: Request): Promise<Response> {
  const { signal } = request;
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const options: ClientRequestConstructorOptions = {
      url: request.url,
      method: request.method,
      redirect: request.redirect,
      cache: 'no-store',
      credentials: 'omit',
    };
    const client = net.request(options);
    let answer: IncomingMessage | undefined;
    let settled = false;
    const onAbort = () => {
      // Reading the body fails with the abort reason, as with fetch.
      (answer as unknown as Readable | undefined)?.destroy(signal.reason);
      client.abort();
      finish(() => reject(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    /** Settles once; after that only an abort still matters, and only while a body is being read. */
    function finish(settle: () => void, keepAbortWhileReading = false): void {
      if (!keepAbortWhileReading) signal.removeEventListener('abort', onAbort);
      if (settled) return;
      settled = true;
      settle();
    }
    const fail = (error: unknown) => {
      client.abort();
      finish(() => reject(error));
    };

    client.on('redirect', (status, _method, location, headers) => {
      if (request.redirect !== 'manual') return; // 'follow' goes on by itself
      client.abort(); // not followed: this answer is the redirect itself
      try {
        const response = new Response(null, { status, headers: toHeaders(headers, { location }) });
        finish(() => resolve(response));
      } catch (error) {
        fail(error);
      }
    });
    client.on('response', (response) => {
      answer = response;
      try {
        const body =
          nullBodyStatus.has(response.statusCode) || request.method === 'HEAD'
            ? null
            : (Readable.toWeb(response as unknown as Readable) as ReadableStream<Uint8Array>);
        const made = new Response(body, {
          status: response.statusCode,
          statusText: byteString(response.statusMessage),
          headers: toHeaders(response.headers),
        });
        response.on('end', () => signal.removeEventListener('abort', onAbort));
        response.on('error', () => signal.removeEventListener('abort', onAbort));
        finish(() => resolve(made), true);
      } catch (error) {
        fail(error);
      }
    });
    client.on('error', (error) => finish(() => reject(error)));
    for (const [name, value] of request.headers) client.setHeader(name, value);
    client.end();
  });
}

/** fetch Headers from Electron's (values may be arrays, and UTF-8-decoded). */
function toHeaders(raw: Record<string, string | string[]>, extra: Record<string, string> = {}): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...raw, ...extra })) {
    for (const one of [value].flat()) {
      try {
        headers.append(name, byteString(one));
      } catch {
        // A header fetch can't hold at all (a bad name) is left out rather than failing the request.
      }
    }
  }
  return headers;
}

/** The wire's bytes as a byte string: what a UTF-8 decode above U+00FF turned into characters. */
function byteString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) return Buffer.from(text, 'utf8').toString('latin1');
  }
  return text;
}
