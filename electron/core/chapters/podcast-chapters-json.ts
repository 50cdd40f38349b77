import type { Chapter } from '../../../shared/types.js';
import { parseTimestamp } from '../../../shared/time.js';
import { dropUndefined } from '../objects.js';
import { webUrl } from './web-url.js';

export interface ParseJsonOptions {
  /** Where the file came from: relative img/url values are resolved against it. */
  baseUrl?: string;
  /** Told why the file (or some of its chapters) could not be used. */
  warn?: (message: string) => void;
}

/**
 * Podcasting 2.0 JSON chapters (podcast:chapters, https://github.com/Podcastindex-org/podcast-namespace
 * chapters spec): { version, chapters: [{ startTime, title, img, url, toc, endTime }] }.
 * Chapters with toc: false are hidden: the spec keeps them out of the table of contents (they only
 * change artwork). Sorted by start; img and url kept only when http/https. Never throws: a broken file
 * gives [] and a warning.
 */
export function parsePodcastChaptersJson(text: string, options: ParseJsonOptions = {}): Chapter[] {
  return readPodcastChaptersJson(text, options).chapters;
}

export interface ChaptersDocument {
  chapters: Chapter[];
  /** False when the text is not a chapters file at all (not JSON, no list): worth fetching again later. */
  usable: boolean;
}

/** parsePodcastChaptersJson, also telling a broken file from a valid file with no (visible) chapters. */
export function readPodcastChaptersJson(text: string, options: ParseJsonOptions = {}): ChaptersDocument {
  const warn = options.warn ?? (() => {});
  let data: unknown;
  try {
    data = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch (error) {
    warn(`Chapters file is not JSON (${error instanceof Error ? error.message : String(error)}); ignored.`);
    return { chapters: [], usable: false };
  }
  const list = isRecord(data) ? data.chapters : undefined;
  if (!Array.isArray(list)) {
    warn('Chapters file has no "chapters" list; ignored.');
    return { chapters: [], usable: false };
  }
  let skipped = 0;
  const chapters = list.flatMap((entry): Chapter[] => {
    // Numbers per the spec; numeric strings and "h:mm:ss" appear in the wild and cost nothing to accept.
    const start = isRecord(entry) ? parseTimestamp(entry.startTime as string | number | undefined) : undefined;
    if (!isRecord(entry) || start === undefined) {
      skipped += 1;
      return [];
    }
    if (entry.toc === false) return [];
    const end = parseTimestamp(entry.endTime as string | number | undefined);
    return [
      dropUndefined({
        start,
        title: typeof entry.title === 'string' ? entry.title.trim() : '',
        end: end !== undefined && end > start ? end : undefined,
        href: webUrl(entry.url, options.baseUrl),
        image: webUrl(entry.img, options.baseUrl),
        source: 'podcast-chapters' as const,
      }),
    ];
  });
  if (skipped) warn(`Chapters file: ${skipped} chapter(s) without a usable startTime were skipped.`);
  // Array.prototype.sort is stable: chapters with the same start keep the file's order.
  return { chapters: chapters.sort((a, b) => a.start - b.start), usable: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
