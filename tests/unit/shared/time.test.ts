import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimestamp, parseTimestamp } from '../../../shared/time.js';

describe('parseTimestamp', () => {
  it.each([
    ['3723', 3723],
    ['12.5', 12.5],
    ['0', 0],
    ['01:02:03', 3723],
    ['1:02:03', 3723],
    ['00:31:02', 1862],
    ['31:02', 1862],
    ['29:15', 1755],
    ['75:30', 4530], // MM:SS with more than an hour of minutes, as some feeds write
    ['01:02:03.400', 3723.4],
    [' 00:20:00 ', 1200],
    [62, 62],
  ] as const)('%s → %s', (raw, seconds) => {
    expect(parseTimestamp(raw)).toBeCloseTo(seconds, 6);
  });

  it.each(['', '  ', 'abc', '1:2:3:4', '01:60', '1:60:00', '-5', '1h 2min', '2;00', null, undefined, Number.NaN, -1])(
    'rejects %s',
    (raw) => {
      expect(parseTimestamp(raw as string)).toBeUndefined();
    },
  );
});

describe('formatTimestamp', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [98, '1:38'],
    [1862, '31:02'],
    [3723.9, '1:02:03'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s → %s', (seconds, text) => {
    expect(formatTimestamp(seconds)).toBe(text);
  });

  it('round-trips with parseTimestamp', () => {
    for (const seconds of [0, 59, 60, 3599, 3600, 86399])
      expect(parseTimestamp(formatTimestamp(seconds))).toBe(seconds);
  });
});

describe('formatDuration', () => {
  it.each([
    [undefined, ''],
    [0, ''],
    [20, '1 min'],
    [1862, '31 min'],
    [3600, '1 h'],
    [3720, '1 h 2 min'],
  ])('%s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
