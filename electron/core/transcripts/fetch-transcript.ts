// One transcript file from the web to a Transcript, and every way that can fail put in the listener's words.
import type { Transcript } from '../../../shared/types.js';
import { BoundedGetError, boundedGetAnswer } from '../bounded-get.js';
import { decodeTextBody } from '../feeds/decode-body.js';
import type { ChosenTranscript } from './choose-transcript.js';
import { parseTranscript } from './parse-transcript.js';
import { UnreadableTranscriptError } from './tidy-cues.js';

export interface FetchTranscriptOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  /** The show's language, for a link that names none. */
  showLanguage?: string;
}

/**
 * Why a transcript is not there, in words for the panel's one quiet line. `unreachable` means no
 * server answered (offline, a timeout): worth asking again sooner than a server that answered wrongly.
 */
export class TranscriptFailure extends Error {
  override readonly name = 'TranscriptFailure';
  constructor(
    message: string,
    readonly unreachable: boolean,
  ) {
    super(message);
  }
}

const ACCEPT = 'text/vtt, application/json;q=0.9, application/x-subrip;q=0.8, text/html;q=0.7, */*;q=0.5';

/** Fetches (bounded in time and size), decodes and parses the chosen file. Throws TranscriptFailure. */
export async function fetchTranscript(link: ChosenTranscript, options: FetchTranscriptOptions): Promise<Transcript> {
  let text: string;
  try {
    const answer = await boundedGetAnswer(link.url, {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      accept: ACCEPT,
      what: 'transcript',
    });
    text = decodeTextBody(answer.body, answer.contentType);
  } catch (error) {
    throw fetchFailure(error, options);
  }
  try {
    return await parseTranscript({
      text,
      url: link.url,
      linkFormat: link.format,
      language: link.language ?? options.showLanguage,
    });
  } catch (error) {
    const reason =
      error instanceof UnreadableTranscriptError
        ? error.message
        : `the file could not be parsed (${error instanceof Error ? error.message : String(error)}).`;
    throw new TranscriptFailure(`The transcript could not be read: ${reason}`, false);
  }
}

function fetchFailure(error: unknown, options: FetchTranscriptOptions): TranscriptFailure {
  if (error instanceof BoundedGetError) {
    if (error.reason === 'status') {
      return new TranscriptFailure(
        `The transcript could not be fetched: the server answered HTTP ${error.status}.`,
        false,
      );
    }
    if (error.reason === 'too-large') {
      const megabytes = Math.round(options.maxBytes / (1024 * 1024));
      return new TranscriptFailure(`The transcript is too large to read (over ${megabytes} MB).`, false);
    }
    return new TranscriptFailure('The transcript is not on the web (its address is not http or https).', false);
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    const seconds = Math.max(1, Math.round(options.timeoutMs / 1000));
    const within = seconds === 1 ? 'a second' : `${seconds} seconds`;
    return new TranscriptFailure(
      `The transcript could not be fetched: the server did not answer within ${within}.`,
      true,
    );
  }
  // Node's fetch says only "fetch failed"; the cause holds the system's code (ECONNREFUSED, ENOTFOUND).
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  const detail = error instanceof Error ? error.message : String(error);
  return new TranscriptFailure(
    `The transcript could not be fetched: the server could not be reached${code || ` (${detail})`}.`,
    true,
  );
}
