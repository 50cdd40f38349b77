import { createHash } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Transcript } from '../../../shared/types.js';
import { writePrivateFileAtomically } from '../private-file.js';

const CACHE_VERSION = 1;

/** What a cached file must hold to be shown: a hand-edited or damaged file is fetched again instead. */
const cachedFileSchema = z.object({
  version: z.literal(CACHE_VERSION),
  url: z.string(),
  fetchedAt: z.string(),
  transcript: z.object({
    url: z.string(),
    format: z.enum(['vtt', 'json', 'srt', 'html']),
    language: z.string().optional(),
    timed: z.boolean(),
    cues: z.array(z.object({ start: z.number(), end: z.number(), speaker: z.string().optional(), text: z.string() })),
  }),
});

type CachedFile = z.infer<typeof cachedFileSchema>;

/**
 * Parsed transcripts on disk, one per URL: <dataDir>/transcripts/<hash of the URL>.json. Parsed, not
 * as fetched, so showing one offline reads one JSON file. Keyed by the URL, not the episode, so the
 * file outlives the episode leaving the feed (the catalogue keeps such episodes with their links).
 * Writes are atomic (temp file + rename, 0600): a crash mid-write leaves the old file or none.
 */
export class TranscriptCache {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'transcripts');
  }

  /** The file name (not the path) that holds url's transcript. */
  fileNameFor(url: string): string {
    return `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`;
  }

  fileFor(url: string): string {
    return path.join(this.dir, this.fileNameFor(url));
  }

  /** Whether a file is there for url, without reading it (prefetch skips those). */
  async has(url: string): Promise<boolean> {
    try {
      await access(this.fileFor(url));
      return true;
    } catch {
      return false;
    }
  }

  /** Every cache file's name; an empty set when the folder is not there yet. */
  async fileNames(): Promise<Set<string>> {
    try {
      return new Set((await readdir(this.dir)).filter((name) => /^[0-9a-f]{32}\.json$/.test(name)));
    } catch {
      return new Set();
    }
  }

  /** The cached transcript for url, or undefined when absent or unreadable (then it is fetched again). */
  async get(url: string): Promise<Transcript | undefined> {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(this.fileFor(url), 'utf8'));
    } catch {
      return undefined;
    }
    const parsed = cachedFileSchema.safeParse(data);
    if (!parsed.success || parsed.data.url !== url) return undefined;
    return parsed.data.transcript as Transcript;
  }

  async set(url: string, transcript: Transcript, fetchedAt: Date): Promise<void> {
    const content: CachedFile = { version: CACHE_VERSION, url, fetchedAt: fetchedAt.toISOString(), transcript };
    await writePrivateFileAtomically(this.fileFor(url), JSON.stringify(content));
  }
}
