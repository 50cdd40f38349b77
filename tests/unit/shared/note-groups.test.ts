import { describe, expect, it } from 'vitest';
import { groupByChapter } from '../../../shared/note-groups.js';
import type { Note } from '../../../shared/types.js';

const note = (id: string, at: number): Note => ({
  id,
  episodeId: '0123456789abcdef',
  at,
  text: id,
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
});

const chapters = [
  { start: 120, title: 'Second' },
  { start: 10, title: 'First' },
];

const shape = (groups: ReturnType<typeof groupByChapter>) =>
  groups.map((g) => [g.chapter?.title ?? 'before chapters', g.notes.map((n) => n.id)]);

describe('groupByChapter', () => {
  it('puts a note exactly at a chapter start in that chapter, one just before in the previous one', () => {
    const notes = [note('at-120', 120), note('at-119.9', 119.9), note('at-10', 10), note('late', 5000)];
    expect(shape(groupByChapter(notes, chapters))).toEqual([
      ['First', ['at-10', 'at-119.9']],
      ['Second', ['at-120', 'late']],
    ]);
  });

  it('starts with a "before chapters" group only when a note is earlier than the first chapter', () => {
    expect(shape(groupByChapter([note('early', 9.99)], chapters))).toEqual([
      ['before chapters', ['early']],
      ['First', []],
      ['Second', []],
    ]);
  });

  it('without chapters, all notes form one group in time order', () => {
    expect(shape(groupByChapter([note('b', 20), note('a', 3)], []))).toEqual([['before chapters', ['a', 'b']]]);
  });

  it('a note at 0 with a chapter at 0 belongs to that chapter', () => {
    expect(shape(groupByChapter([note('zero', 0)], [{ start: 0, title: 'Intro' }]))).toEqual([['Intro', ['zero']]]);
  });
});
