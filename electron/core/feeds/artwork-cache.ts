import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { boundedGet } from '../bounded-get.js';
import type { MediaFile } from '../media/range.js';
import { STORE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../store.js';
import { shortHash } from './stable-id.js';

/** Raster formats an <img> shows everywhere. SVG is left out: it can carry script, and it would be served from the app's own origin. */
const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Where the renderer asks for a show's kept artwork (the browser host and Electron's app:// both answer it). */
export const ARTWORK_PATH_PREFIX = '/artwork/';

/** The feed id an artwork path (/artwork/<id>, any query already cut off) asks for. */
export function feedIdFromArtworkPath(pathname: string): string | undefined {
  if (!pathname.startsWith(ARTWORK_PATH_PREFIX)) return undefined;
  try {
    const id = decodeURIComponent(pathname.slice(ARTWORK_PATH_PREFIX.length));
    return /^[\w-]{1,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface ArtworkCacheOptions {
  /** The folder the pictures live in (created when missing). */
  dir: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** Bigger pictures are not kept (default 5 MB; shows ask for 3000×3000 JPEGs of 1–2 MB). */
  maxBytes?: number;
  /** How long a failed address is left alone (default an hour). */
  retryAfterMs?: number;
  now?: () => Date;
  warn?: (message: string) => void;
}

// "<feed id>-<hash of the artwork URL>.<ext>": the name says which show and which picture it is,
// so nothing else has to be stored, and a new URL in the feed is seen without reading the file.
const FILE_NAME = /^([\w-]{1,64})-([0-9a-f]{16})\.(jpg|png|gif|webp|avif)$/;

/**
 * Each show's artwork, kept in the data folder so the library, the episode page and the player show
 * it with the network gone (an offline start included). Fetched after a sync when the feed names a
 * picture that is not kept yet; the new file replaces the old one only once it is whole. The bytes
 * decide what a file is, not the Content-Type (CDNs often answer application/octet-stream).
 */
export class ArtworkCache {
  private readonly kept = new Map<string, { urlHash: string; fileName: string }>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly options: ArtworkCacheOptions) {
    mkdirSync(options.dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    for (const fileName of readdirSync(options.dir)) {
      const match = FILE_NAME.exec(fileName);
      if (match?.[1] && match[2]) this.kept.set(match[1], { urlHash: match[2], fileName });
    }
  }

  /** The path the renderer shows a show's kept artwork from; the query changes with the picture. */
  pathFor(feedId: string): string | undefined {
    const kept = this.kept.get(feedId);
    return kept && `${ARTWORK_PATH_PREFIX}${encodeURIComponent(feedId)}?v=${kept.urlHash}`;
  }

  /** The kept file of a show, ready to serve; undefined when there is none (or it went missing). */
  file(feedId: string): MediaFile | undefined {
    const kept = this.kept.get(feedId);
    if (!kept) return undefined;
    const file = path.join(this.options.dir, kept.fileName);
    try {
      const stats = statSync(file);
      const ext = path.extname(kept.fileName).slice(1);
      return {
        path: file,
        size: stats.size,
        contentType: IMAGE_TYPES[ext] ?? 'application/octet-stream',
        mtimeMs: stats.mtimeMs,
      };
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the picture at `url` as the show's artwork unless it already is. Resolves true when a new
   * picture was stored; false when nothing changed or it could not be fetched (the old one stays).
   */
  refresh(feedId: string, url: string | undefined): Promise<boolean> {
    if (!url || !/^[\w-]{1,64}$/.test(feedId)) return Promise.resolve(false);
    const urlHash = shortHash(url);
    if (this.kept.get(feedId)?.urlHash === urlHash) return Promise.resolve(false);
    const failed = this.failedAt.get(url);
    const now = (this.options.now ?? (() => new Date()))().getTime();
    if (failed !== undefined && now - failed < (this.options.retryAfterMs ?? 60 * 60_000))
      return Promise.resolve(false);
    const running = this.inFlight.get(feedId);
    if (running) return running;
    const job = this.fetchAndKeep(feedId, url, urlHash)
      .catch((error: unknown) => {
        this.failedAt.set(url, now);
        this.options.warn?.(
          `Could not keep the artwork ${url}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return false;
      })
      .finally(() => this.inFlight.delete(feedId));
    this.inFlight.set(feedId, job);
    return job;
  }

  /** Forgets a show's picture (it was unsubscribed). */
  async remove(feedId: string): Promise<void> {
    await this.inFlight.get(feedId);
    const kept = this.kept.get(feedId);
    if (!kept) return;
    this.kept.delete(feedId);
    await rm(path.join(this.options.dir, kept.fileName), { force: true });
  }

  private async fetchAndKeep(feedId: string, url: string, urlHash: string): Promise<boolean> {
    const bytes = await boundedGet(url, {
      fetch: this.options.fetch,
      timeoutMs: this.options.timeoutMs ?? 20_000,
      maxBytes: this.options.maxBytes ?? 5 * 1024 * 1024,
      accept: 'image/avif, image/webp, image/png, image/jpeg, image/*;q=0.8',
      what: 'artwork',
    });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !(type.ext in IMAGE_TYPES))
      throw new Error(`not a picture Earmark keeps (${type?.mime ?? 'unknown type'})`);
    const fileName = `${feedId}-${urlHash}.${type.ext}`;
    const file = path.join(this.options.dir, fileName);
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: STORE_FILE_MODE });
    await rename(partial, file);
    const old = this.kept.get(feedId);
    this.kept.set(feedId, { urlHash, fileName });
    if (old && old.fileName !== fileName) await rm(path.join(this.options.dir, old.fileName), { force: true });
    return true;
  }
}
