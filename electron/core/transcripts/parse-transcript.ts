// A fetched transcript file → Transcript: which parser reads it (the bytes say more than the labels), then the parse.
import type { Transcript, TranscriptFormat } from '../../../shared/types.js';
import { parseSrt, parseVtt } from './parse-captions.js';
import { parseHtmlTranscript } from './parse-html.js';
import { parseJsonTranscript } from './parse-json.js';
import { UnreadableTranscriptError } from './tidy-cues.js';

export interface TranscriptFile {
  /** The file's text, decoded. */
  text: string;
  /** Where it came from. */
  url: string;
  /** The format the feed's link named (its type, else its extension). */
  linkFormat: TranscriptFormat;
  /** The transcript's language: the link's, else the show's. */
  language?: string;
}

const NAMES: Record<TranscriptFormat, string> = {
  vtt: 'WebVTT file',
  json: 'JSON transcript',
  srt: 'SRT file',
  html: 'web page',
};

/** An SRT file starts with a cue number, then a time range (commas or dots before the milliseconds). */
const SRT_START = /^\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
/** A time range on the first line: SRT without numbers, or WebVTT without its header. */
const TIME_RANGE_START = /^(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;

/**
 * The format the text itself shows, when it shows one: a `WEBVTT` header, JSON's `{`, an SRT cue,
 * a tag. Servers label transcripts wrongly (text/plain, application/octet-stream, text/html for
 * everything), so the bytes are believed before the link's type.
 */
export function sniffFormat(text: string): TranscriptFormat | undefined {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200);
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (SRT_START.test(head)) return 'srt';
  if (TIME_RANGE_START.test(head)) return head.slice(0, 40).includes(',') ? 'srt' : 'vtt';
  if (head.startsWith('<')) return 'html';
  return undefined;
}

/**
 * Parses the file as the format its bytes show, else as the link says (the server's content type is
 * never asked: it is the label most often wrong).
 * Throws UnreadableTranscriptError, with the reason in words, when it gives no usable cue, or when a
 * link to a timed file answers with a web page (an error or landing page, not the transcript).
 */
export async function parseTranscript(file: TranscriptFile): Promise<Transcript> {
  const sniffed = sniffFormat(file.text);
  if (sniffed === 'html' && file.linkFormat !== 'html') {
    throw new UnreadableTranscriptError(
      `the server sent a web page, not the ${NAMES[file.linkFormat]} the feed names.`,
    );
  }
  const format = sniffed ?? file.linkFormat;
  const cues =
    format === 'vtt'
      ? await parseVtt(file.text)
      : format === 'srt'
        ? await parseSrt(file.text)
        : format === 'json'
          ? parseJsonTranscript(file.text)
          : parseHtmlTranscript(file.text);
  return {
    url: file.url,
    format,
    ...(file.language ? { language: file.language } : {}),
    timed: format !== 'html',
    cues,
  };
}
