import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** One GET, redirects not followed: what a transfer needs from an HTTP client. */
export type HttpGet = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<HttpAnswer>;

export interface HttpAnswer {
  status: number;
  statusText: string;
  /** A response header (name in any case), or undefined. */
  header(name: string): string | undefined;
  /** The body as a Node stream; errors when the connection breaks before the body is complete. */
  body: Readable;
  /** Throws the body away and frees the connection. */
  discard(): void;
}

/**
 * The default client: node:http(s). On loopback (tests/bench) it moves a file with ~40 % less CPU
 * than fetch (undici's web streams add a copy and a promise per chunk). It still costs about twice
 * curl's CPU per byte: Node reads the socket into a fresh 64 KB buffer per read and its HTTP parser
 * copies every body chunk into another (node_http_parser.cc on_body → Buffer::Copy), so each byte
 * is copied once more than in curl and the garbage drives V8's GC. Avoiding that would mean our
 * own HTTP/1.1 + TLS client, which is not worth its risk at real link speeds (see the bench's
 * throttled figure).
 */
export const nodeHttpGet: HttpGet = (url, { headers, signal }) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) return reject(new Error(`Unsupported protocol ${target.protocol}`));
    const request = client.get(target, { headers, signal }, (response) =>
      resolve({
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        body: response,
        discard: () => response.destroy(),
      }),
    );
    request.once('error', reject);
  });

/** Adapts a fetch (Electron's net.fetch for the system proxy, or a test's) to HttpGet. */
export function fetchHttpGet(fetchImpl: typeof fetch): HttpGet {
  return async (url, { headers, signal }) => {
    const response = await fetchImpl(url, { redirect: 'manual', headers, signal });
    const body = response.body
      ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>, { highWaterMark: 1 << 20 })
      : Readable.from([]);
    return {
      status: response.status,
      statusText: response.statusText,
      header: (name) => response.headers.get(name) ?? undefined,
      body,
      discard: () => body.destroy(),
    };
  };
}
