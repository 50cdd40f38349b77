import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chapter } from '../../../shared/types.js';
import { writePrivateFileAtomically } from '../private-file.js';

const CACHE_VERSION = 1;

/**
 * What a cached list was read from: a podcast:chapters file (by its URL), or the chapters embedded in
 * an episode's audio (by the enclosure URL; read remotely with Range, or from the download).
 */
export type CachedKind = 'podcast-chapters' | 'embedded';

interface CachedFile {
  version: number;
  url: string;
  /** Absent in files written before embedded chapters were cached: those are podcast-chapters. */
  kind?: CachedKind;
  fetchedAt: string;
  chapters: Chapter[];
}

export interface CachedEntry {
  url: string;
  kind: CachedKind;
  chapters: Chapter[];
}

/**
 * Parsed chapter lists on disk, one per URL and kind: <dataDir>/chapters/<hash>.json. On disk so
 * chapters are there offline, before playback and without reading audio again. Writes are atomic
 * (temp file + rename): a crash mid-write leaves the old file or none, never half a file.
 */
export class ChapterCache {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'chapters');
  }

  fileFor(url: string, kind: CachedKind = 'podcast-chapters'): string {
    // podcast-chapters files keep the name they always had (the hash of the URL alone).
    const key = kind === 'podcast-chapters' ? url : `${kind}\n${url}`;
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  /** The cached chapters for url, or undefined when absent or unreadable (then it is fetched again). */
  async get(url: string, kind: CachedKind = 'podcast-chapters'): Promise<Chapter[] | undefined> {
    const entry = await this.read(this.fileFor(url, kind));
    return entry?.url === url && entry.kind === kind ? entry.chapters : undefined;
  }

  /** Every readable entry (for warming memory at start); unreadable files are skipped. */
  async entries(): Promise<CachedEntry[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => /^[0-9a-f]{32}\.json$/.test(name));
    } catch {
      return [];
    }
    const entries: CachedEntry[] = [];
    for (const name of names) {
      const entry = await this.read(path.join(this.dir, name));
      if (entry && this.fileFor(entry.url, entry.kind) === path.join(this.dir, name)) entries.push(entry);
    }
    return entries;
  }

  async set(url: string, chapters: Chapter[], fetchedAt: Date, kind: CachedKind = 'podcast-chapters'): Promise<void> {
    const content: CachedFile = { version: CACHE_VERSION, url, kind, fetchedAt: fetchedAt.toISOString(), chapters };
    await writePrivateFileAtomically(this.fileFor(url, kind), JSON.stringify(content));
  }

  private async read(file: string): Promise<CachedEntry | undefined> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CachedFile>;
      const kind = data.kind ?? 'podcast-chapters';
      if (data.version !== CACHE_VERSION || typeof data.url !== 'string' || !Array.isArray(data.chapters))
        return undefined;
      if (kind !== 'podcast-chapters' && kind !== 'embedded') return undefined;
      // Hand-edited or damaged entries must not reach search or the page as chapters without a title.
      const chapters = (data.chapters as unknown[]).filter(
        (c): c is Chapter =>
          typeof c === 'object' &&
          c !== null &&
          typeof (c as Chapter).start === 'number' &&
          typeof (c as Chapter).title === 'string',
      );
      return { url: data.url, kind, chapters };
    } catch {
      return undefined;
    }
  }
}
