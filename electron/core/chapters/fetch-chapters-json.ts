export interface FetchTextOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * GETs a podcast:chapters file as text. Only http/https; gives up after timeoutMs and past maxBytes
 * (checked on Content-Length and again while reading, as servers may not send it). Throws with a
 * readable message; the caller decides what a failure means.
 */
export async function fetchChaptersText(url: string, options: FetchTextOptions): Promise<string> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`not a web address: ${url}`);
  const response = await options.fetch(url, {
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { accept: 'application/json+chapters, application/json;q=0.9, */*;q=0.5' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new Error(`chapters file too large (${declared} bytes)`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw new Error(`chapters file too large (over ${options.maxBytes} bytes)`);
    }
    parts.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(parts));
}
