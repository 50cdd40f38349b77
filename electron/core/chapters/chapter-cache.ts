import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chapter } from '../../../shared/types.js';

const CACHE_VERSION = 1;

interface CachedFile {
  version: number;
  url: string;
  fetchedAt: string;
  chapters: Chapter[];
}

/**
 * Parsed podcast:chapters files on disk, one per URL: <dataDir>/chapters/<hash>.json. On disk so chapters
 * are there offline and before playback. Writes are atomic (temp file + rename): a crash mid-write leaves
 * the old file or none, never half a file.
 */
export class ChapterCache {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'chapters');
  }

  fileFor(url: string): string {
    return path.join(this.dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
  }

  /** The cached chapters for url, or undefined when absent or unreadable (then it is fetched again). */
  async get(url: string): Promise<Chapter[] | undefined> {
    try {
      const data = JSON.parse(await readFile(this.fileFor(url), 'utf8')) as Partial<CachedFile>;
      return data.version === CACHE_VERSION && data.url === url && Array.isArray(data.chapters)
        ? data.chapters
        : undefined;
    } catch {
      return undefined;
    }
  }

  async set(url: string, chapters: Chapter[], fetchedAt: Date): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileFor(url);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const content: CachedFile = { version: CACHE_VERSION, url, fetchedAt: fetchedAt.toISOString(), chapters };
    try {
      await writeFile(temp, JSON.stringify(content), { mode: 0o600 });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
