// Which of an episode's <podcast:transcript> links Earmark reads: pure, so the rules are tested alone.
import type { TranscriptFormat, TranscriptLink } from '../../../shared/types.js';

/** Best first: timed formats with speakers, then timed ones, then text without times. */
const FORMAT_ORDER: readonly TranscriptFormat[] = ['vtt', 'json', 'srt', 'html'];

const FORMAT_BY_TYPE: Readonly<Record<string, TranscriptFormat>> = {
  'text/vtt': 'vtt',
  'application/json': 'json',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'text/srt': 'srt',
  'text/html': 'html',
};

const FORMAT_BY_EXTENSION: Readonly<Record<string, TranscriptFormat>> = {
  vtt: 'vtt',
  webvtt: 'vtt',
  json: 'json',
  srt: 'srt',
  html: 'html',
  htm: 'html',
};

/** A link Earmark can read, with the format it will be read as. */
export interface ChosenTranscript extends TranscriptLink {
  format: TranscriptFormat;
}

/**
 * The format a link names: by its MIME type (parameters and case ignored), else by the URL's file
 * extension (publishers leave the type out or write text/plain); undefined when neither is one Earmark reads.
 */
export function transcriptFormat(link: Pick<TranscriptLink, 'url' | 'type'>): TranscriptFormat | undefined {
  const type = link.type.split(';')[0]!.trim().toLowerCase();
  return FORMAT_BY_TYPE[type] ?? formatFromExtension(link.url);
}

function formatFromExtension(url: string): TranscriptFormat | undefined {
  try {
    const name = new URL(url).pathname.split('/').pop() ?? '';
    const dot = name.lastIndexOf('.');
    return dot < 0 ? undefined : FORMAT_BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
  } catch {
    return undefined;
  }
}

/** `en-US`, `en_us` and `EN` all give `en`. */
function primarySubtag(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The one transcript to read, or undefined when none is usable (no http/https URL, or no format
 * Earmark reads). In order:
 * 1. the show's language: a transcript in it beats a better format in another language, because a
 *    listener reads the words first (`en` matches `en-US`; a link without a language is in the
 *    show's language, as the podcast namespace says);
 * 2. the format: WebVTT > Podcast Index JSON > SRT > HTML (times and speakers before plain text);
 * 3. `rel="captions"`, made to follow the audio;
 * 4. the feed's order.
 */
export function chooseTranscript(
  links: readonly TranscriptLink[] | undefined,
  showLanguage?: string,
): ChosenTranscript | undefined {
  const show = showLanguage ? primarySubtag(showLanguage) : undefined;
  const ranked = (links ?? []).flatMap((link, index) => {
    const format = transcriptFormat(link);
    if (!format || !/^https?:\/\//i.test(link.url)) return [];
    const otherLanguage = show !== undefined && link.language !== undefined && primarySubtag(link.language) !== show;
    const key = [
      otherLanguage ? 1 : 0,
      FORMAT_ORDER.indexOf(format),
      link.rel?.trim().toLowerCase() === 'captions' ? 0 : 1,
      index,
    ];
    return [{ chosen: { ...link, format }, key }];
  });
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  return ranked[0]?.chosen;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
