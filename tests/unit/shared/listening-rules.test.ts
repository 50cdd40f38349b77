import { describe, expect, it } from 'vitest';
import { isAtEnd, nextEpisodeState, resumePosition } from '../../../shared/listening-rules.js';
import type { EpisodeState } from '../../../shared/types.js';

const fresh: EpisodeState = { position: 0, played: false, updatedAt: '1970-01-01T00:00:00.000Z' };
const context = { durationSeconds: 1800, markPlayedAtEnd: true, now: '2025-05-01T10:00:00.000Z' };

describe('resumePosition', () => {
  it.each<[{ position: number; played: boolean }, number | undefined, number, string]>([
    [{ position: 600, played: false }, 1800, 600, 'where it stopped'],
    [{ position: 4.9, played: false }, 1800, 0, 'a false start (< 5 s) starts over'],
    [{ position: 5, played: false }, 1800, 5, 'exactly 5 s is kept'],
    [{ position: 1785, played: false }, 1800, 0, 'within the last 15 s counts as finished'],
    [{ position: 1784.9, played: false }, 1800, 1784.9, 'just before the last 15 s is kept'],
    [{ position: 600, played: true }, 1800, 0, 'a played episode starts over'],
    [{ position: 5000, played: false }, undefined, 5000, 'an unknown duration keeps the position'],
  ])('%o of %s → %s (%s)', (state, duration, expected) => {
    expect(resumePosition(state, duration)).toBe(expected);
  });
});

describe('isAtEnd', () => {
  it('needs a known, positive duration', () => {
    expect(isAtEnd(10, undefined)).toBe(false);
    expect(isAtEnd(0, 0)).toBe(false);
    expect(isAtEnd(10, 20)).toBe(true);
  });
});

describe('nextEpisodeState', () => {
  it('saves a position without touching played', () => {
    expect(nextEpisodeState(fresh, { position: 120 }, context)).toEqual({
      position: 120,
      played: false,
      updatedAt: context.now,
    });
  });

  it('marks played, with playedAt, when playback ends or reaches the last 15 s', () => {
    expect(nextEpisodeState(fresh, { ended: true }, context)).toMatchObject({ played: true, playedAt: context.now });
    expect(nextEpisodeState(fresh, { position: 1790 }, context)).toMatchObject({
      position: 1790,
      played: true,
      playedAt: context.now,
    });
  });

  it('leaves played alone at the end when markPlayedAtEnd is off', () => {
    const off = { ...context, markPlayedAtEnd: false };
    expect(nextEpisodeState(fresh, { position: 1799, ended: true }, off).played).toBe(false);
  });

  it('keeps the first playedAt while the episode stays played, and drops it when marked unplayed', () => {
    const played = nextEpisodeState(fresh, { played: true }, context);
    const later = nextEpisodeState(played, { position: 30 }, { ...context, now: '2025-05-02T00:00:00.000Z' });
    expect(later).toMatchObject({ played: true, playedAt: context.now, position: 30 });
    const unplayed = nextEpisodeState(later, { played: false }, context);
    expect(unplayed.played).toBe(false);
    expect(unplayed).not.toHaveProperty('playedAt');
  });

  it('never undoes an explicit "mark unplayed" in the same save, even at the end', () => {
    const played = nextEpisodeState(fresh, { played: true }, context);
    expect(nextEpisodeState(played, { played: false, position: 1795 }, context).played).toBe(false);
  });
});
