import { statSync } from 'node:fs';
import path from 'node:path';
import type { Download } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import type { KeyValueStore } from '../store.js';
import {
  keepStoreCopy,
  publicDownload,
  readStoredDownloads,
  type DownloadsData,
  type StoredDownload,
} from './download-store.js';
import { unreadableRecordsWords } from './download-messages.js';
import { fileStem, partFileName } from './media-names.js';
import { sweepMedia, type KnownEpisode } from './media-sweep.js';

/** Feed enclosure lengths are often wrong or placeholders ("0", "1"): below this they are ignored. */
export const plausibleEnclosureBytes = 64 * 1024;

export interface DownloadRecordsOptions {
  /** Where the files the records name are (<dataDir>/media). */
  mediaDir: string;
  store: KeyValueStore<DownloadsData>;
  now: () => Date;
  /** A record was added or changed state (see DownloadRecords.update). */
  onChange: (download: Download) => void;
  /** Something the listener should read (records repaired, files kept aside). */
  notice: (text: string) => void;
}

/**
 * The downloads' records in queue order, kept in downloads.json, and the files in media/ they
 * name. Loaded when made; a change is stored and announced by update (or save and emitChange).
 */
export class DownloadRecords {
  private readonly records = new Map<string, StoredDownload>();

  constructor(private readonly options: DownloadRecordsOptions) {
    this.load();
  }

  get(episodeId: string): StoredDownload | undefined {
    return this.records.get(episodeId);
  }

  has(episodeId: string): boolean {
    return this.records.has(episodeId);
  }

  set(episodeId: string, record: StoredDownload): void {
    this.records.set(episodeId, record);
  }

  delete(episodeId: string): void {
    this.records.delete(episodeId);
  }

  /** In queue order. */
  values(): IterableIterator<StoredDownload> {
    return this.records.values();
  }

  /** Applies `patch`; when `announce`, stores every record and tells the listener (onChange). */
  update(episodeId: string, patch: Partial<StoredDownload>, announce = true): void {
    const record = this.records.get(episodeId);
    if (!record) return;
    const next = dropUndefined({ ...record, ...patch });
    this.records.set(episodeId, next);
    if (!announce) return;
    this.save();
    this.emitChange(episodeId);
  }

  emitChange(episodeId: string): void {
    const record = this.records.get(episodeId);
    if (record) this.options.onChange(publicDownload(record));
  }

  save(): void {
    this.options.store.set('downloads', [...this.records.values()]);
  }

  partPath(episodeId: string): string {
    return path.join(this.options.mediaDir, partFileName(episodeId));
  }

  /** The record's finished file is there, under the record's name and at its size. */
  completeOnDisk(record: StoredDownload): boolean {
    if (!record.fileName || !record.fileName.startsWith(fileStem(record.episodeId))) return false;
    try {
      return statSync(path.join(this.options.mediaDir, record.fileName)).size === record.bytes;
    } catch {
      return false;
    }
  }

  /**
   * Adopts stray files again or keeps them aside (media-sweep.ts), and says so; adds records for
   * the adopted ones (not yet stored) and returns their ids.
   */
  sweep(owned: ReadonlySet<string>, knownEpisodes: () => Iterable<KnownEpisode>): string[] {
    const result = sweepMedia({
      mediaDir: this.options.mediaDir,
      owned,
      hasRecord: (id) => this.records.has(id),
      knownEpisodes,
      plausibleBytes: plausibleEnclosureBytes,
      now: this.options.now(),
    });
    for (const record of result.adopted) this.records.set(record.episodeId, record);
    for (const text of result.notices) this.options.notice(text);
    return result.adopted.map((record) => record.episodeId);
  }

  /**
   * Takes the usable records from the store. Whatever shape it holds (openStore checks the shape
   * when given downloadsShape; this is the manager's own guard), a bad record is skipped, and the
   * file as read is copied aside first, because the next save rewrites it without them.
   */
  private load(): void {
    let read;
    try {
      read = readStoredDownloads(this.options.store.get('downloads'));
    } catch {
      read = { records: [], dropped: 0, notAList: true };
    }
    for (const record of read.records) this.records.set(record.episodeId, record);
    if (read.dropped > 0 || read.notAList)
      this.options.notice(unreadableRecordsWords(read, keepStoreCopy(this.options.store.path, this.options.now())));
  }
}
