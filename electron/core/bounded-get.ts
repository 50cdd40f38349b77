export interface BoundedGetOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  /** The Accept header. */
  accept: string;
  /** Names the file in messages ("chapters file", "artwork"). */
  what: string;
}

/** Why boundedGet gave up, for callers that put it in their own words (transcripts tell the listener). */
export class BoundedGetError extends Error {
  override readonly name = 'BoundedGetError';
  constructor(
    message: string,
    readonly reason: 'not-web' | 'status' | 'too-large',
    /** The HTTP status, for `status`. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface BoundedGetAnswer {
  body: Buffer;
  /** The server's Content-Type, as sent. */
  contentType: string | undefined;
}

/**
 * GETs a small file (a chapters file, a show's artwork) whole. Only http/https; gives up after
 * timeoutMs and past maxBytes (checked on Content-Length and again while reading, as servers may not
 * send it). Throws with a readable message; the caller decides what a failure means.
 */
export async function boundedGet(url: string, options: BoundedGetOptions): Promise<Buffer> {
  return (await boundedGetAnswer(url, options)).body;
}

/** boundedGet, with the content type the server gave (its charset says how to decode text). */
export async function boundedGetAnswer(url: string, options: BoundedGetOptions): Promise<BoundedGetAnswer> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new BoundedGetError(`not a web address: ${url}`, 'not-web');
  const response = await options.fetch(url, {
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { accept: options.accept },
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new BoundedGetError(`HTTP ${response.status} for ${url}`, 'status', response.status);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const declared = Number(response.headers.get('content-length'));
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new BoundedGetError(`${options.what} too large (${declared} bytes)`, 'too-large');
  }
  const reader = response.body?.getReader();
  if (!reader) return { body: Buffer.alloc(0), contentType };
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw new BoundedGetError(`${options.what} too large (over ${options.maxBytes} bytes)`, 'too-large');
    }
    parts.push(value);
  }
  return { body: Buffer.concat(parts), contentType };
}
