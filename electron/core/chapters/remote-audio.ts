import type { ByteSource } from './mp4-nero-chapters.js';

export interface RemoteAudioOptions {
  /** The app's HTTP client. */
  fetch: typeof fetch;
  /** Aborts every request of this read (the app closing). */
  signal?: AbortSignal;
  /** The whole read (every request together) gives up after this long. */
  timeoutMs: number;
  /** Body bytes read over all requests; past it the read stops (RemoteAudioTooLarge). */
  maxBytes: number;
  /** Bytes asked per request: small reads (atom headers) are rounded up to this. */
  chunkBytes: number;
}

/** The network or the server failed (an error status, a cut, a timeout): worth trying again later. */
export class RemoteAudioUnavailable extends Error {}

/** Reading the tags would take more than maxBytes: a property of the file, not worth trying again. */
export class RemoteAudioTooLarge extends Error {}

interface Chunk {
  start: number;
  bytes: Uint8Array;
}

/**
 * An audio file on a web server, read with HTTP Range requests as a ByteSource: only the parts asked
 * for are fetched, each remembered, so tags at the start (ID3) and an MP4 `moov` at the end cost a few
 * requests, not the episode. A server that ignores Range answers the first request with the whole file:
 * then only a prefix of up to maxBytes is read, and the file is treated as that long (chapters at its
 * start are still found; a `moov` at the end is not).
 */
export class RemoteAudio implements ByteSource {
  private readonly chunks: Chunk[] = [];
  private readonly counter = { received: 0 };

  private constructor(
    private readonly url: string,
    private readonly options: RemoteAudioOptions,
    private readonly deadline: AbortSignal,
    /** The file's size, or the prefix's when the server ignored Range. */
    readonly size: number,
    /** false: the server ignored Range and only a prefix is known. */
    readonly ranged: boolean,
    readonly mimeType: string | undefined,
  ) {}

  static async open(url: string, options: RemoteAudioOptions): Promise<RemoteAudio> {
    const protocol = new URL(url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new RemoteAudioUnavailable(`not a web address: ${url}`);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const deadline = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const response = await request(url, options, deadline, 0, options.chunkBytes);
    const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
    if (response.status === 416) {
      await response.body?.cancel().catch(() => {});
      return new RemoteAudio(url, options, deadline, 0, true, mimeType);
    }
    const range = response.status === 206 ? contentRange(response.headers.get('content-range')) : undefined;
    if (response.status === 206 && range?.first === 0 && range.total !== undefined) {
      const file = new RemoteAudio(url, options, deadline, range.total, true, mimeType);
      file.chunks.push({ start: 0, bytes: await readBody(response, options.maxBytes, file.counter, range.last + 1) });
      return file;
    }
    if (response.status === 200 || response.status === 206) {
      // No usable Range answer: keep a bounded prefix of the body and stop reading it.
      const counter = { received: 0 };
      const bytes = await readBody(response, options.maxBytes, counter, options.maxBytes, { prefix: true });
      const file = new RemoteAudio(url, options, deadline, bytes.length, false, mimeType);
      file.counter.received = counter.received;
      file.chunks.push({ start: 0, bytes });
      return file;
    }
    await response.body?.cancel().catch(() => {});
    throw new RemoteAudioUnavailable(`HTTP ${response.status} for ${url}`);
  }

  async read(position: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.size, position + length);
    if (position >= end) return new Uint8Array(0);
    const known = this.cached(position, end);
    if (known) return known;
    if (!this.ranged) return new Uint8Array(0);
    const last = Math.min(this.size, position + Math.max(length, this.options.chunkBytes)) - 1;
    const response = await request(this.url, this.options, this.deadline, position, last - position + 1);
    const range = response.status === 206 ? contentRange(response.headers.get('content-range')) : undefined;
    if (range?.first !== position || (range.total !== undefined && range.total !== this.size)) {
      await response.body?.cancel().catch(() => {});
      throw new RemoteAudioUnavailable(`the server stopped answering byte ranges (HTTP ${response.status})`);
    }
    const bytes = await readBody(response, this.options.maxBytes, this.counter, range.last - range.first + 1);
    this.chunks.push({ start: position, bytes });
    return bytes.subarray(0, end - position);
  }

  /** Body bytes read so far over every request. */
  get bytesRead(): number {
    return this.counter.received;
  }

  private cached(start: number, end: number): Uint8Array | undefined {
    for (const chunk of this.chunks) {
      if (chunk.start <= start && chunk.start + chunk.bytes.length >= end) {
        return chunk.bytes.subarray(start - chunk.start, end - chunk.start);
      }
    }
    return undefined;
  }
}

async function request(
  url: string,
  options: RemoteAudioOptions,
  signal: AbortSignal,
  first: number,
  length: number,
): Promise<Response> {
  try {
    return await options.fetch(url, {
      signal,
      headers: { range: `bytes=${first}-${first + length - 1}`, 'accept-encoding': 'identity' },
    });
  } catch (error) {
    throw unavailable(error);
  }
}

/**
 * Reads up to `expected` bytes of the body, counting them against maxBytes. With `prefix`, reaching
 * the limit is fine: the rest of the body is cancelled and the prefix returned.
 */
async function readBody(
  response: Response,
  maxBytes: number,
  counter: { received: number },
  expected: number,
  { prefix = false } = {},
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const allowed = Math.max(0, maxBytes - counter.received);
      const take = value.subarray(0, Math.min(expected - total, allowed));
      parts.push(take);
      total += take.length;
      counter.received += take.length;
      if (total >= expected) {
        await reader.cancel().catch(() => {});
        break;
      }
      if (value.length > allowed) {
        await reader.cancel().catch(() => {});
        if (prefix) break;
        throw new RemoteAudioTooLarge(`reading the tags would take more than ${maxBytes} bytes`);
      }
    }
  } catch (error) {
    if (error instanceof RemoteAudioTooLarge) throw error;
    throw unavailable(error);
  }
  if (!prefix && total < expected)
    throw new RemoteAudioUnavailable(`the answer ended after ${total} of ${expected} bytes`);
  return concat(parts, total);
}

function contentRange(value: string | null): { first: number; last: number; total?: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (last < first) return undefined;
  return { first, last, ...(match[3] === '*' ? {} : { total: Number(match[3]) }) };
}

function unavailable(error: unknown): RemoteAudioUnavailable {
  if (error instanceof RemoteAudioUnavailable) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RemoteAudioUnavailable(message);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
