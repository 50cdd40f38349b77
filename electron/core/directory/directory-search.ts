/**
 * Finding a show by name in a podcast directory: Apple's public iTunes Search API
 * (`…/search?media=podcast&entity=podcast&term=…`, no key), or any endpoint that answers alike
 * (EARMARK_DIRECTORY_URL, the host's --directory-url: tests point it at a fixture server). Called from
 * the service with the app's own HTTP client, never from the renderer (its CSP allows only its own
 * origin, and the host's origin rules keep it so). Never throws for the directory's sake: failures
 * come back as a DirectoryError with a sentence for the listener.
 */
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { DirectorySearch, DirectoryShow } from '../../../shared/types.js';
import { errorCode } from '../error-code.js';
import { describeSeconds } from '../feeds/http-messages.js';
import { readLimited } from '../feeds/fetch-feed.js';

export const DEFAULT_DIRECTORY_URL = 'https://itunes.apple.com/search';

/** The listener's words for why a search found nothing to show. */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
}

export interface DirectorySearchOptions {
  fetch: typeof fetch;
  /** The search endpoint; its own query parameters (say `country=GB`) are kept. */
  endpoint?: string;
  timeoutMs?: number;
  /** Whether a feed address is already in the library. */
  inLibrary: (feedUrl: string) => boolean;
}

/** Search results are small (a few KB per show); anything far past this is not an answer to a search. */
const maxAnswerBytes = 5 * 1024 * 1024;

/**
 * One result as the directory sends it. Only what Earmark shows is read, and each field is checked on
 * its own: a result with an odd field keeps the rest, a result without a feed is left out.
 */
const httpUrl = z
  .string()
  .max(4000)
  .refine((value) => /^https?:\/\/\S+$/i.test(value));
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const resultSchema = z.object({
  collectionId: optional(z.union([z.number(), z.string().max(100)])),
  collectionName: optional(z.string().max(1000)),
  trackName: optional(z.string().max(1000)),
  artistName: optional(z.string().max(1000)),
  feedUrl: httpUrl,
  artworkUrl600: optional(httpUrl),
  artworkUrl100: optional(httpUrl),
  artworkUrl60: optional(httpUrl),
  trackCount: optional(z.number().int().min(0)),
});
const answerSchema = z.object({
  resultCount: z.number().optional(),
  results: z.array(z.unknown()),
});

function searchUrl(endpoint: string, term: string, limit: number): string {
  const url = new URL(endpoint);
  url.searchParams.set('media', 'podcast');
  url.searchParams.set('entity', 'podcast');
  url.searchParams.set('term', term);
  url.searchParams.set('limit', String(limit));
  return url.href;
}

/** Why the directory could not be reached, as the end of "Couldn't reach the podcast directory: …". */
function unreachable(reason: string): DirectoryError {
  return new DirectoryError(`Couldn't reach the podcast directory: ${reason}`);
}

const networkReasons: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused.',
  ENOTFOUND: 'its name could not be looked up (DNS). Are you offline?',
  EAI_AGAIN: 'its name could not be looked up (DNS). Are you offline?',
  ENETUNREACH: 'the network is unreachable. Are you offline?',
  EHOSTUNREACH: 'it cannot be reached from this network.',
  ECONNRESET: 'the connection broke off.',
  UND_ERR_SOCKET: 'the connection broke off.',
  UND_ERR_CLOSED: 'the connection broke off.',
  ETIMEDOUT: 'the connection timed out.',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out.',
  CERT_HAS_EXPIRED: 'its security certificate has expired.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is not trusted.',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is not trusted.',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate could not be verified.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for a different address.',
};

function networkReason(error: unknown): string {
  const code = errorCode(error);
  if (code && networkReasons[code]) return networkReasons[code];
  const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
  return `the request failed${code || detail ? ` (${[code, detail].filter(Boolean).join(': ')})` : ''}.`;
}

/** The directory's result → what Earmark shows; undefined when it has no feed (nothing to subscribe to). */
function toShow(raw: unknown, inLibrary: (feedUrl: string) => boolean): DirectoryShow | undefined {
  const parsed = resultSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const result = parsed.data;
  const title = (result.collectionName ?? result.trackName ?? '').trim();
  const show: DirectoryShow = {
    id: String(result.collectionId ?? result.feedUrl),
    title: title || new URL(result.feedUrl).hostname,
    feedUrl: result.feedUrl,
    inLibrary: inLibrary(result.feedUrl),
  };
  const author = result.artistName?.trim();
  if (author) show.author = author;
  const artwork = result.artworkUrl600 ?? result.artworkUrl100 ?? result.artworkUrl60;
  if (artwork) show.artwork = artwork;
  if (result.trackCount !== undefined) show.episodeCount = result.trackCount;
  return show;
}

/** Asks the directory for shows matching `term`. Throws DirectoryError with the listener's words. */
export async function searchDirectory(
  term: string,
  options: DirectorySearchOptions & { limit?: number },
): Promise<DirectorySearch> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const url = searchUrl(options.endpoint ?? DEFAULT_DIRECTORY_URL, term, options.limit ?? 25);
  // One deadline for the whole exchange, body included.
  const signal = AbortSignal.timeout(timeoutMs);
  let body: Uint8Array | undefined;
  try {
    const response = await options.fetch(url, {
      signal,
      headers: { accept: 'application/json, text/javascript;q=0.9, */*;q=0.1', 'user-agent': 'Earmark/0.1' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      const reason = response.statusText.trim() || STATUS_CODES[response.status] || 'an unexpected status';
      throw unreachable(`it answered ${response.status} ${reason}.`);
    }
    body = await readLimited(response, maxAnswerBytes);
  } catch (error) {
    if (error instanceof DirectoryError) throw error;
    if (signal.aborted) throw unreachable(`it did not answer within ${describeSeconds(timeoutMs)}.`);
    throw unreachable(networkReason(error));
  }
  if (!body)
    throw new DirectoryError('The podcast directory sent far more than a list of shows; Earmark stopped reading it.');
  // Apple answers text/javascript; the type says nothing, the JSON does.
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body).replace(/^\uFEFF/, ''));
  } catch {
    throw new DirectoryError('The podcast directory answered with something other than search results (not JSON).');
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success) {
    throw new DirectoryError(
      'The podcast directory answered with something other than search results (no list of results).',
    );
  }
  const shows: DirectoryShow[] = [];
  const seen = new Set<string>();
  for (const raw of answer.data.results) {
    const show = toShow(raw, options.inLibrary);
    if (!show || seen.has(show.feedUrl)) continue;
    seen.add(show.feedUrl);
    shows.push(show);
  }
  return { term, shows };
}
