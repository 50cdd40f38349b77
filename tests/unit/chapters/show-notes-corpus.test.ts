/**
 * The show-notes corpus (tests/fixtures/chapters/corpus): realistic notes in the shapes real feeds use,
 * and traps that hold times but no chapter list, each with the chapters a listener should get. Every
 * sample must come out exactly; `npm run bench:chapters` prints the same comparison as a percentage.
 */
import { describe, expect, it } from 'vitest';
import { chaptersFromShowNotes } from '../../../shared/chapters.js';
import { readCorpus } from './fixtures.js';

const samples = readCorpus();

describe('chaptersFromShowNotes on the show-notes corpus', () => {
  it('has 40+ samples, traps among them', () => {
    expect(samples.length).toBeGreaterThanOrEqual(40);
    expect(samples.filter((s) => s.expected.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it.each(samples.map((s) => [s.name, s.why, s] as const))('%s: %s', (_name, _why, sample) => {
    const found = chaptersFromShowNotes(sample.notes, sample.durationSeconds).map((c) => [c.start, c.title]);
    expect(found).toEqual(sample.expected);
  });
});
