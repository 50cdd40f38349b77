import { describeNetworkError, describeSeconds, describeStatus } from './http-messages.js';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchFeedOptions extends Validators {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Redirect hops allowed before giving up. */
  maxRedirects?: number;
  /** Largest body accepted; a runaway or hostile server must not fill memory. */
  maxBytes?: number;
}

/** The biggest real feeds (thousands of items) are ~20 MB; anything far past that is not a feed. */
const defaultMaxBytes = 64 * 1024 * 1024;

/**
 * What one fetch of a feed came to. permanentUrl is set when every hop from the stored URL was a
 * permanent redirect (301/308): the feed moved, so the stored URL should follow. A temporary
 * redirect anywhere in the chain (302/303/307) means the old address stays the right one to ask.
 */
export type FetchOutcome =
  | ({ kind: 'ok'; body: Uint8Array; contentType?: string; finalUrl: string; permanentUrl?: string } & Validators)
  | { kind: 'not-modified'; permanentUrl?: string }
  | { kind: 'gone'; message: string }
  | { kind: 'failed'; message: string };

const acceptFeeds = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** One conditional GET of a feed, redirects followed by hand. Never throws: failures come back in words. */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchOutcome> {
  const maxRedirects = options.maxRedirects ?? 5;
  // One deadline for the whole exchange, body included: a server that trickles bytes is as stuck as a silent one.
  const signal = AbortSignal.timeout(options.timeoutMs);
  const visited = [url];
  let current = url;
  let permanentUrl: string | undefined;
  let allPermanent = true;
  try {
    for (;;) {
      const response = await options.fetch(current, {
        redirect: 'manual',
        signal,
        headers: requestHeaders(options),
      });
      if (isRedirect(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location)
          return failed(`${describeStatus(response.status, response.statusText)} It named no new address.`);
        const next = new URL(location, current).href;
        if (!/^https?:$/.test(new URL(next).protocol))
          return failed('The feed redirects to an address that is not http or https.');
        if (visited.includes(next)) return failed(`The feed redirects in a loop (${[...visited, next].join(' → ')}).`);
        if (visited.length > maxRedirects) return failed(`The feed redirected more than ${maxRedirects} times.`);
        allPermanent &&= response.status === 301 || response.status === 308;
        if (allPermanent) permanentUrl = next;
        visited.push(next);
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'not-modified', permanentUrl };
      }
      if (response.status === 410) {
        await response.body?.cancel();
        return {
          kind: 'gone',
          message: `${describeStatus(410, response.statusText)} The podcast was removed from this address, so Earmark stopped checking it.`,
        };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return failed(describeStatus(response.status, response.statusText));
      }
      // fetch already undid gzip/deflate/br (Content-Encoding); these are the document's bytes.
      const body = await readLimited(response, options.maxBytes ?? defaultMaxBytes);
      if (!body)
        return failed(
          `The feed is larger than ${Math.round((options.maxBytes ?? defaultMaxBytes) / 1048576)} MB, too big to be a podcast feed.`,
        );
      return {
        kind: 'ok',
        body,
        contentType: response.headers.get('content-type') ?? undefined,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
        finalUrl: current,
        permanentUrl,
      };
    }
  } catch (error) {
    if (signal.aborted) return failed(`The feed server did not answer within ${describeSeconds(options.timeoutMs)}.`);
    return failed(describeNetworkError(error, current));
  }
}

/** The body, or undefined once it passes maxBytes (the rest is not downloaded). */
export async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function requestHeaders(options: Validators): Record<string, string> {
  const headers: Record<string, string> = {
    accept: acceptFeeds,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': 'Earmark/0.1 (desktop podcast app)',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function failed(message: string): FetchOutcome {
  return { kind: 'failed', message };
}
