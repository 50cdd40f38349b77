import { tokenizer as rangeTokenizer, type IRangeRequestClient } from '@tokenizer/range';
import { parseFile, parseFromTokenizer, type IChapter, type IOptions } from 'music-metadata';
import type { Chapter } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { readNeroChapters, readNeroChaptersFrom } from './mp4-nero-chapters.js';
import { RemoteAudio, RemoteAudioTooLarge, RemoteAudioUnavailable, type RemoteAudioOptions } from './remote-audio.js';
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
    const metadata = await parseFile(filePath, TAGS_ONLY);
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
  return usable(chapters);
}

// duration: false and skipCovers keep it to the tags: no frame scan, no cover art in memory.
const TAGS_ONLY: IOptions = { includeChapters: true, duration: false, skipCovers: true };

export type ReadRemoteOptions = RemoteAudioOptions;

/**
 * Chapters embedded in an audio file on the web, read with HTTP Range requests (music-metadata over
 * @tokenizer/range, then the Nero list): ID3 tags at the start and an MP4 `moov` anywhere cost a few
 * requests, bounded by maxBytes and timeoutMs. A server that ignores Range gives a prefix of up to
 * maxBytes, which holds ID3 tags and a `moov` placed first. [] when the file has no chapters that
 * could be read; throws RemoteAudioUnavailable when the network or the server failed (try again later).
 */
export async function readRemoteEmbeddedChapters(url: string, options: ReadRemoteOptions): Promise<Chapter[]> {
  let file: RemoteAudio;
  try {
    file = await RemoteAudio.open(url, options);
  } catch (error) {
    if (error instanceof RemoteAudioTooLarge) return [];
    throw error;
  }
  if (file.size === 0) return [];
  let chapters: Chapter[] = [];
  try {
    const client: IRangeRequestClient = {
      getResponse: async (_method, range) => {
        const [first, last] = range ?? [0, file.size - 1];
        const bytes = await file.read(first, last - first + 1);
        return {
          size: file.size,
          ...(file.mimeType ? { mimeType: file.mimeType } : {}),
          acceptPartialRequests: true,
          contentRange: {
            firstBytePosition: first,
            lastBytePosition: first + bytes.length - 1,
            instanceLength: file.size,
          },
          arrayBuffer: async () => bytes,
        };
      },
      abort: () => {},
    };
    const tokens = await rangeTokenizer(client, {
      avoidHeadRequests: true,
      // The tokenizer asks for [0, initialChunkSize] first: the bytes RemoteAudio.open already holds.
      initialChunkSize: Math.min(options.chunkBytes, file.size) - 1,
      minimumChunkSize: options.chunkBytes,
    });
    const metadata = await parseFromTokenizer(tokens, TAGS_ONLY);
    chapters = (metadata.format.chapters ?? []).flatMap(fromMusicMetadata);
  } catch (error) {
    if (error instanceof RemoteAudioUnavailable) throw error;
    if (error instanceof RemoteAudioTooLarge) return [];
    // Not audio music-metadata knows, or a layout it rejects (or a prefix cut mid-tag): try Nero.
  }
  if (!chapters.length) {
    try {
      chapters = (await readNeroChaptersFrom(file)).map((c) => ({ ...c, source: 'embedded' as const }));
    } catch (error) {
      if (error instanceof RemoteAudioUnavailable) throw error;
      return [];
    }
  }
  return usable(chapters);
}

function usable(chapters: Chapter[]): Chapter[] {
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
