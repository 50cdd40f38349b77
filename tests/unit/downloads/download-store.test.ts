import { describe, expect, it } from 'vitest';
import {
  downloadsSchema,
  downloadsShape,
  readStoredDownloads,
} from '../../../electron/core/downloads/download-store.js';

const record = {
  episodeId: 'ep-1',
  feedId: 'feed-1',
  url: 'https://cdn.example.com/ep-1.mp3',
  state: 'completed',
  bytes: 1000,
  total: 1000,
  queuedAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-01T00:01:00.000Z',
  fileName: `${'a'.repeat(64)}.mp3`,
  enclosureLength: 1000,
};

describe('the downloads store shape', () => {
  it('accepts what Earmark writes (and keys it does not know at the top)', () => {
    expect(downloadsSchema.safeParse({ schemaVersion: 1, downloads: [record] }).success).toBe(true);
    expect(downloadsSchema.safeParse({ schemaVersion: 1, downloads: [], extra: true }).success).toBe(true);
  });

  it.each([
    ['[]', []],
    ['null', null],
    ['"x"', 'x'],
    ['{}', {}],
    ['downloads: null', { schemaVersion: 1, downloads: null }],
    ['an unknown state', { schemaVersion: 1, downloads: [{ ...record, state: 'exploded' }] }],
    ['a file name outside the media folder', { schemaVersion: 1, downloads: [{ ...record, fileName: '../x.mp3' }] }],
    ['negative bytes', { schemaVersion: 1, downloads: [{ ...record, bytes: -1 }] }],
    ['no episode id', { schemaVersion: 1, downloads: [{ ...record, episodeId: '' }] }],
  ])('refuses %s', (_what, value) => {
    expect(downloadsSchema.safeParse(value).success).toBe(false);
  });

  it('the lenient shape (for openStore) leaves bad records out and counts them', () => {
    const dropped: string[] = [];
    const parsed = downloadsShape((what) => dropped.push(what)).parse({
      schemaVersion: 1,
      downloads: [record, { ...record, state: 'exploded' }, 7],
    });
    expect(parsed.downloads).toEqual([record]);
    expect(dropped).toEqual(['2 download records']);
  });

  it('keeps fields it does not know in a record (a newer Earmark’s), instead of dropping them on the next save', () => {
    const newer = { ...record, foo: 1 };
    expect(downloadsShape(() => {}).parse({ schemaVersion: 1, downloads: [newer] }).downloads).toEqual([newer]);
  });

  it('readStoredDownloads never throws, skips duplicates and says when there is no list', () => {
    expect(readStoredDownloads(undefined)).toEqual({ records: [], dropped: 0, notAList: false });
    expect(readStoredDownloads({ ep: record })).toEqual({ records: [], dropped: 0, notAList: true });
    expect(readStoredDownloads([record, { ...record, bytes: 5 }, null])).toEqual({
      records: [record],
      dropped: 2,
      notAList: false,
    });
  });
});
