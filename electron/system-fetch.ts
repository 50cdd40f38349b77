import { Readable } from 'node:stream';
import type { ClientRequestConstructorOptions, IncomingMessage, Net } from 'electron';

/** The part of Electron's `net` module this file uses (a fake stands in for it in tests). */
export type NetModule = Pick<Net, 'fetch' | 'request'>;

/**
 * The app's one HTTP client in Electron: Chromium's network stack through `net`, so feeds and
 * downloads follow the system proxy settings (PAC included) and trust the OS certificate store,
 * as the rest of the desktop does. The browser host and the tests keep Node's fetch.
 *
 * Two departures from `net.fetch` as it is:
 * - `redirect: 'manual'` (feed and download code follow redirects by hand, to track permanent moves
 *   and cap the hops) makes `net.fetch` reject with "Redirect was cancelled" instead of answering
 *   the 3xx (electron#43715: net.fetch never calls followRedirect). Such requests go through
 *   `net.request`, whose 'redirect' event gives the status and the new address; the answer is a
 *   bodiless 3xx Response with that address in `Location`, as Node's fetch gives.
 * - `cache: 'no-store'` and `credentials: 'omit'`: Earmark does its own revalidation (ETag,
 *   Last-Modified) and resumes downloads with Range; Chromium's HTTP cache must not answer for
 *   the server, and feed servers get no cookies from the app's session.
 */
export function systemFetch(net: NetModule): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request = new Request(url, { ...privateRequest, ...init });
    if (request.redirect !== 'manual') return net.fetch(request);
    return fetchWithoutFollowing(net, request);
  };
}

// Node's RequestInit type lacks `cache`; Request itself takes it (and Electron's net.fetch reads it).
const privateRequest = { cache: 'no-store', credentials: 'omit' } as RequestInit;

const nullBodyStatus = new Set([204, 205, 304]);

function fetchWithoutFollowing(net: NetModule, request: Request): Promise<Response> {
  const { signal } = request;
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const options: ClientRequestConstructorOptions = {
      url: request.url,
      method: request.method,
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
    };
    const client = net.request(options);
    for (const [name, value] of request.headers) client.setHeader(name, value);
    let answer: IncomingMessage | undefined;
    const onAbort = () => {
      // Reading the body fails with the abort reason, as with fetch.
      (answer as unknown as Readable | undefined)?.destroy(signal.reason);
      client.abort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);

    client.on('redirect', (status, _method, location, headers) => {
      settle();
      client.abort(); // not followed: this answer is the redirect itself
      resolve(new Response(null, { status, headers: { ...flatten(headers), location } }));
    });
    client.on('response', (response) => {
      answer = response;
      response.on('end', settle);
      response.on('error', settle);
      const body =
        nullBodyStatus.has(response.statusCode) || request.method === 'HEAD'
          ? null
          : (Readable.toWeb(response as unknown as Readable) as ReadableStream<Uint8Array>);
      resolve(
        new Response(body, {
          status: response.statusCode,
          statusText: response.statusMessage,
          headers: flatten(response.headers),
        }),
      );
    });
    client.on('error', (error) => {
      settle();
      reject(error);
    });
    client.end();
  });
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
}
