export interface BoundedGetOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  /** The Accept header. */
  accept: string;
  /** Names the file in messages ("chapters file", "artwork"). */
  what: string;
}

/**
 * GETs a small file (a chapters file, a show's artwork) whole. Only http/https; gives up after
 * timeoutMs and past maxBytes (checked on Content-Length and again while reading, as servers may not
 * send it). Throws with a readable message; the caller decides what a failure means.
 */
export async function boundedGet(url: string, options: BoundedGetOptions): Promise<Buffer> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`not a web address: ${url}`);
  const response = await options.fetch(url, {
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { accept: options.accept },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new Error(`${options.what} too large (${declared} bytes)`);
  }
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw new Error(`${options.what} too large (over ${options.maxBytes} bytes)`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
