import { describe, expect, it } from 'vitest';
import { cueIndexAt, MAX_QUOTE_CHARS, quoteAt } from '../../../shared/transcript-cues.js';
import type { TranscriptCue } from '../../../shared/types.js';

const cues: TranscriptCue[] = [
  { start: 0, end: 4, text: 'Welcome to the show.' },
  { start: 4, end: 9, text: 'Today: the accept queue.' },
  { start: 20, end: 25, text: 'After a pause, the backlog.' },
];

describe('cueIndexAt', () => {
  it('finds the cue being spoken, with a short slack after its end', () => {
    expect(cueIndexAt(cues, 0)).toBe(0);
    expect(cueIndexAt(cues, 3.9)).toBe(0);
    expect(cueIndexAt(cues, 4)).toBe(1);
    expect(cueIndexAt(cues, 9.2)).toBe(1);
    expect(cueIndexAt(cues, 24.9)).toBe(2);
  });

  it('is -1 before the first cue, in a pause, after the last and for no cues', () => {
    expect(cueIndexAt([{ start: 2, end: 3, text: 'x' }], 1)).toBe(-1);
    expect(cueIndexAt(cues, 15)).toBe(-1);
    expect(cueIndexAt(cues, 60)).toBe(-1);
    expect(cueIndexAt([], 1)).toBe(-1);
  });

  it('agrees with a scan on a 3,000-cue transcript with overlapping cues', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ start: i * 3.1, end: i * 3.1 + 3.5, text: `${i}` }));
    for (const at of [0, 1.5, 3.2, 777.7, 9299.9, 9302.9]) {
      const scanned = many.findLastIndex((cue) => cue.start <= at);
      const expected = scanned >= 0 && at <= many[scanned]!.end + 0.3 ? scanned : -1;
      expect(cueIndexAt(many, at)).toBe(expected);
    }
  });
});

describe('quoteAt', () => {
  it('quotes the cue at the moment, with the one before when it had only just begun', () => {
    expect(quoteAt(cues, 7)).toBe('Today: the accept queue.');
    expect(quoteAt(cues, 4.5)).toBe('Welcome to the show. Today: the accept queue.');
    expect(quoteAt(cues, 1)).toBe('Welcome to the show.');
  });

  it('quotes nothing in silence, and cuts a long cue to the limit', () => {
    expect(quoteAt(cues, 15)).toBeUndefined();
    const long = quoteAt([{ start: 0, end: 5, text: 'word '.repeat(1000) }], 3);
    expect(long).toHaveLength(MAX_QUOTE_CHARS);
    expect(long?.endsWith('…')).toBe(true);
  });
});
