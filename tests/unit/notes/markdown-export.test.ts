import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNotesMarkdown, episodeNotesMarkdown } from '../../../electron/core/notes/markdown-export.js';
import type { Note } from '../../../shared/types.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/notes');
const golden = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

const EP = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
let n = 0;
const note = (episodeId: string, at: number, text: string): Note => {
  const stamp = new Date(Date.UTC(2024, 4, 1, 10, 0, ++n)).toISOString();
  return { id: `note-${n}`, episodeId, at, text, createdAt: stamp, updatedAt: stamp };
};

const episode = {
  id: EP,
  title: 'Socket vs Connections',
  publishedAt: '2024-04-29T07:00:00.000Z',
  link: 'https://podcasters.spotify.com/pod/show/hnasr/episodes/socket-vs-connections',
};
const chapters = [
  { start: 0, title: 'Intro' },
  { start: 98, title: 'Socket vs Connections' },
  { start: 600, title: 'Nothing noted here' },
  { start: 3700, title: 'Summary' },
];
const notes = [
  note(EP, 3725.9, 'Past an hour: h:mm:ss'),
  note(EP, 98, 'Exactly at the chapter start'),
  note(EP, 5, 'A socket is a file descriptor'),
  note(EP, 97.9, 'Just before the chapter\nsecond line stays in the item'),
  note(EP, 400, ''),
];

describe('Markdown export', () => {
  it('one episode: title, date, episode page, notes as deep links grouped by chapter (golden file)', () => {
    expect(episodeNotesMarkdown({ episode, notes, chapters })).toBe(golden('episode.md'));
  });

  it('all episodes: one document, episodes without notes left out; notes before chapters first', () => {
    const other = { id: OTHER, title: 'No chapters, no link' };
    const markdown = allNotesMarkdown([
      { episode, notes, chapters },
      { episode: { id: 'aaaaaaaaaaaaaaaa', title: 'Silent' }, notes: [], chapters: [] },
      { episode: other, notes: [note(OTHER, 61, 'Plain list'), note(OTHER, 1, 'First')], chapters: [] },
    ]);
    expect(markdown).toBe(golden('all.md'));
  });
});
