import { describe, expect, it } from 'vitest';
import { planEvictions, type DownloadFacts } from '../../../electron/core/downloads/storage-rules.js';

const now = new Date('2025-03-01T00:00:00Z');
const MB = 1048576;
const d = (id: string, extra: Partial<DownloadFacts> = {}): DownloadFacts => ({
  episodeId: id,
  feedId: 'show-a',
  bytes: 10 * MB,
  played: false,
  ...extra,
});
const ids = (plan: ReturnType<typeof planEvictions>) => plan.evictions.map((e) => `${e.episodeId}:${e.reason}`);

describe('planEvictions', () => {
  it('does nothing without rules', () => {
    const plan = planEvictions([d('a'), d('b')], {}, new Set(), now);
    expect(plan).toEqual({ evictions: [], totalBytesAfter: 20 * MB, overCapBytes: 0 });
  });

  it('keeps the newest N per show, by publication date (completion date when undated)', () => {
    const downloads = [
      d('a1', { publishedAt: '2025-01-01T00:00:00Z' }),
      d('a3', { publishedAt: '2025-01-03T00:00:00Z' }),
      d('a2', { publishedAt: '2025-01-02T00:00:00Z' }),
      d('undated', { completedAt: '2025-02-01T00:00:00Z' }),
      d('b1', { feedId: 'show-b', publishedAt: '2020-01-01T00:00:00Z' }),
    ];
    expect(ids(planEvictions(downloads, { keepNewestPerShow: 2 }, new Set(), now))).toEqual([
      'a2:keep-newest',
      'a1:keep-newest',
    ]);
    expect(ids(planEvictions(downloads, { keepNewestPerShow: 0 }, new Set(['a3']), now))).toHaveLength(4);
  });

  it('deletes played downloads D days after they were played, never unplayed ones', () => {
    const downloads = [
      d('old-play', { played: true, playedAt: '2025-02-01T00:00:00Z' }),
      d('recent-play', { played: true, playedAt: '2025-02-27T00:00:00Z' }),
      d('unplayed', { playedAt: '2024-01-01T00:00:00Z' }),
      d('exactly', { played: true, playedAt: '2025-02-22T00:00:00Z' }),
    ];
    expect(ids(planEvictions(downloads, { deletePlayedAfterDays: 7 }, new Set(), now))).toEqual([
      'old-play:played-expired',
      'exactly:played-expired',
    ]);
  });

  it('evicts played downloads oldest-played first until under the cap, and reports what is still over', () => {
    const downloads = [
      d('p-new', { played: true, playedAt: '2025-02-20T00:00:00Z' }),
      d('p-old', { played: true, playedAt: '2025-01-05T00:00:00Z' }),
      d('p-mid', { played: true, playedAt: '2025-02-01T00:00:00Z' }),
      d('u1'),
      d('u2'),
    ];
    const fits = planEvictions(downloads, { maxTotalBytes: 30 * MB }, new Set(), now);
    expect(ids(fits)).toEqual(['p-old:size-cap', 'p-mid:size-cap']);
    expect(fits).toMatchObject({ totalBytesAfter: 30 * MB, overCapBytes: 0 });
    const tight = planEvictions(downloads, { maxTotalBytes: 5 * MB }, new Set(), now);
    expect(ids(tight)).toEqual(['p-old:size-cap', 'p-mid:size-cap', 'p-new:size-cap']);
    expect(tight).toMatchObject({ totalBytesAfter: 20 * MB, overCapBytes: 15 * MB });
  });

  it('never evicts a protected episode (playing now, or unsaved state), whatever the rule', () => {
    const downloads = [
      d('playing', { played: true, playedAt: '2024-01-01T00:00:00Z', publishedAt: '2020-01-01T00:00:00Z' }),
      d('other', { played: true, playedAt: '2024-06-01T00:00:00Z', publishedAt: '2021-01-01T00:00:00Z' }),
      d('newest', { publishedAt: '2025-01-01T00:00:00Z' }),
    ];
    const plan = planEvictions(
      downloads,
      { keepNewestPerShow: 1, deletePlayedAfterDays: 1, maxTotalBytes: 0 },
      new Set(['playing']),
      now,
    );
    expect(ids(plan)).toEqual(['other:played-expired']);
    expect(plan.overCapBytes).toBe(20 * MB);
  });

  it('rules compose: expired first, then keep-newest, then the cap over what is left', () => {
    const downloads = [
      d('a', { played: true, playedAt: '2025-01-01T00:00:00Z', publishedAt: '2025-01-01T00:00:00Z' }),
      d('b', { played: true, playedAt: '2025-02-28T00:00:00Z', publishedAt: '2025-01-02T00:00:00Z' }),
      d('c', { played: true, playedAt: '2025-02-27T00:00:00Z', publishedAt: '2025-01-03T00:00:00Z' }),
      d('e', { publishedAt: '2025-01-04T00:00:00Z' }),
    ];
    const plan = planEvictions(
      downloads,
      { deletePlayedAfterDays: 30, keepNewestPerShow: 3, maxTotalBytes: 20 * MB },
      new Set(),
      now,
    );
    expect(ids(plan)).toEqual(['a:played-expired', 'c:size-cap']);
  });
});
