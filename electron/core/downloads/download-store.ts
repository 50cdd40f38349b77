import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Download } from '../../../shared/types.js';
import type { Migrations, OnDropped, StoreSpec, Versioned } from '../store.js';

/** A download plus what only the service needs. Never sent to the renderer as is. */
export interface StoredDownload extends Download {
  /** The finished file's name inside the media folder (hash of the episode id + extension). */
  fileName?: string;
  /** Validators of the response that wrote the .part bytes, for If-Range. */
  etag?: string;
  lastModified?: string;
  /** The size a server stated (Content-Length / Content-Range); total may instead come from the feed. */
  statedTotal?: number;
  /** From the feed: hints for the size check and the file extension. */
  enclosureLength?: number;
  enclosureType?: string;
  contentType?: string;
}

/** Kept as an array: queue order is insertion order, and object keys that look like numbers would reorder. */
export interface DownloadsData extends Versioned {
  downloads: StoredDownload[];
}

export const downloadsDefaults: DownloadsData = { schemaVersion: 1, downloads: [] };

/** Name of the store file in the data dir (downloads.json). */
export const downloadsStoreName = 'downloads';

const bytes = z.number().int().nonnegative();
const text = z.string().max(100_000);

/**
 * One record as Earmark writes it. A file name must be one Earmark could have written (a hash and
 * a short extension): a record is never allowed to point the media folder at another file.
 */
// Loose: fields a newer Earmark added to a record are kept, not dropped on the next save.
export const storedDownloadSchema = z.looseObject({
  episodeId: z.string().min(1).max(10_000),
  feedId: z.string().max(10_000),
  url: text,
  state: z.enum(['queued', 'downloading', 'paused', 'completed', 'failed', 'cancelled']),
  bytes,
  total: bytes.optional(),
  error: text.optional(),
  note: text.optional(),
  queuedAt: z.string().max(100),
  completedAt: z.string().max(100).optional(),
  fileName: z
    .string()
    .regex(/^[0-9a-f]{64}\.[a-z0-9]{1,5}$/)
    .optional(),
  etag: text.optional(),
  lastModified: text.optional(),
  statedTotal: bytes.optional(),
  enclosureLength: bytes.optional(),
  enclosureType: text.optional(),
  contentType: text.optional(),
}) satisfies z.ZodType<StoredDownload>;

/** The whole downloads.json, strictly: one record of the wrong shape fails the file. */
export const downloadsSchema = z.looseObject({
  schemaVersion: z.number(),
  downloads: z.array(storedDownloadSchema),
});

/**
 * The same file for openStore's `shape` option: records of the wrong shape are left out and
 * counted (onDropped), so one bad record does not cost the others. Their files are not lost: the
 * start-up sweep finds them again (media-sweep.ts).
 */
export const downloadsShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    downloads: z.array(z.unknown()).transform((list) => {
      const { records, dropped } = readStoredDownloads(list);
      if (dropped > 0) onDropped(`${dropped} download record${dropped === 1 ? '' : 's'}`);
      return records;
    }),
  });

/** Migration N takes schema N to N+1 (store.ts); none yet. */
export const downloadsMigrations: Migrations = {};

export const downloadsStore: StoreSpec<DownloadsData> = {
  name: downloadsStoreName,
  defaults: downloadsDefaults,
  shape: downloadsShape,
  migrations: downloadsMigrations,
  label: 'your list of downloads',
};

export interface ReadDownloads {
  records: StoredDownload[];
  /** Entries left out: the wrong shape, or a second record for the same episode. */
  dropped: number;
  /** The value was not a list at all (null, an object, a string). */
  notAList: boolean;
}

/** The usable records in whatever a store holds under "downloads"; never throws. */
export function readStoredDownloads(value: unknown): ReadDownloads {
  if (value === undefined) return { records: [], dropped: 0, notAList: false };
  if (!Array.isArray(value)) return { records: [], dropped: 0, notAList: true };
  const records: StoredDownload[] = [];
  const seen = new Set<string>();
  for (const raw of value) {
    const parsed = storedDownloadSchema.safeParse(raw);
    if (!parsed.success || seen.has(parsed.data.episodeId)) continue;
    seen.add(parsed.data.episodeId);
    records.push(parsed.data);
  }
  return { records, dropped: value.length - records.length, notAList: false };
}

/**
 * Copies the store file as it is now to <name>.invalid-<time>.json next to it, before a save
 * rewrites it without the records that could not be read. Undefined when there is nothing to copy.
 */
export function keepStoreCopy(file: string, now: Date): string | undefined {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const copy = path.join(path.dirname(file), `${path.basename(file, '.json')}.invalid-${stamp}.json`);
  try {
    copyFileSync(file, copy);
    return copy;
  } catch {
    return undefined;
  }
}

export function publicDownload(stored: StoredDownload): Download {
  const {
    fileName: _fileName,
    etag: _etag,
    lastModified: _lastModified,
    statedTotal: _statedTotal,
    enclosureLength: _enclosureLength,
    enclosureType: _enclosureType,
    contentType: _contentType,
    ...download
  } = stored;
  return download;
}
