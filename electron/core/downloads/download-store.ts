import type { Download } from '../../../shared/types.js';
import type { Versioned } from '../store.js';

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
