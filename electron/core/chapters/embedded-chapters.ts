import { parseFile, type IChapter } from 'music-metadata';
import type { Chapter } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { readNeroChapters } from './mp4-nero-chapters.js';
import { webUrl } from './web-url.js';

export interface ReadEmbeddedOptions {
  /** Told why a file could not be read; the answer is then []. */
  warn?: (message: string) => void;
}

/**
 * Chapters embedded in a downloaded audio file: ID3v2 CHAP/CTOC (MP3) and MP4 chapter tracks via
 * music-metadata, falling back to the MP4 Nero chapter list that music-metadata does not read.
 * Never throws: a file that cannot be parsed has no chapters.
 */
export async function readEmbeddedChapters(filePath: string, options: ReadEmbeddedOptions = {}): Promise<Chapter[]> {
  const warn = options.warn ?? (() => {});
  let chapters: Chapter[] = [];
  try {
    // duration: false and skipCovers keep it to the tags: no frame scan, no cover art in memory.
    const metadata = await parseFile(filePath, { includeChapters: true, duration: false, skipCovers: true });
    chapters = (metadata.format.chapters ?? []).flatMap(fromMusicMetadata);
  } catch (error) {
    // music-metadata rejects some valid MP4 chapter layouts outright; the Nero list below may still work.
    warn(`Could not read chapters from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!chapters.length) {
    try {
      chapters = (await readNeroChapters(filePath)).map((c) => ({ ...c, source: 'embedded' as const }));
    } catch (error) {
      warn(`Could not read MP4 chapters from ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return chapters.filter((c) => Number.isFinite(c.start) && c.start >= 0).sort((a, b) => a.start - b.start);
}

/** ID3 CHAP times are seconds already; MP4 chapter-track times are in the track's timescale units. */
function fromMusicMetadata(chapter: IChapter): Chapter[] {
  const scale = chapter.timeScale && chapter.timeScale > 0 ? chapter.timeScale : 1;
  const start = chapter.start / scale;
  const end = chapter.end === undefined ? undefined : chapter.end / scale;
  if (!Number.isFinite(start)) return [];
  return [
    dropUndefined({
      start,
      title: (chapter.title ?? '').trim(),
      end: end !== undefined && end > start ? end : undefined,
      href: webUrl(chapter.url?.url),
      source: 'embedded' as const,
    }),
  ];
}
