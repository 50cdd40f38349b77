import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { EventBus } from '../../../electron/core/events.js';
import { Catalogue } from '../../../electron/core/library/catalogue.js';
import { EpisodeTexts } from '../../../electron/core/library/episode-texts.js';
import { notesHandlers } from '../../../electron/core/notes/note-handlers.js';
import type { SearchEpisode, SearchHit } from '../../../electron/core/notes/search-index.js';
import { TranscriptIndex } from '../../../electron/core/transcripts/transcript-index.js';
import type { Transcript } from '../../../shared/transcript-types.js';
import { EP1, EP2, EP3, notesService, tempDataDir } from './helpers.js';

let dataDir: string;
let remove: () => void;
beforeEach(() => ({ dir: dataDir, remove } = tempDataDir()));
afterEach(() => remove());

const episodes: SearchEpisode[] = [
  {
    id: EP1,
    title: 'Socket vs Connections',
    showNotes: 'We talk about the kernel accept queue. Sockets are not connections, and that is it.',
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 98, title: 'Accept queue internals' },
    ],
  },
  {
    id: EP2,
    title: 'Postgres Internals',
    showNotes: 'The queue of WAL records, and how accept() relates to nothing here. Über-long café chat.',
    chapters: [],
  },
  { id: EP3, title: 'Unrelated', showNotes: 'Nothing.', chapters: [] },
];

describe('search', () => {
  it('finds notes, titles, chapters and show notes, grouped by episode, each with the time to open at', () => {
    const notes = notesService(dataDir);
    const note = notes.add({ episodeId: EP1, at: 42, text: 'The accept queue fills up under load' });
    const [group, ...rest] = notes.search('accept queue', { episodes });
    expect(group).toMatchObject({ episodeId: EP1, title: 'Socket vs Connections', moreHits: 0 });
    expect(group?.hits.map((h) => [h.kind, h.at, h.exact])).toEqual([
      ['note', 42, true],
      ['chapter', 98, true],
      ['show-notes', 0, true],
    ]);
    expect(group?.hits[0]).toMatchObject({ noteId: note.id, snippet: 'The accept queue fills up under load' });
    // Both words, not as a phrase, in the other episode's show notes: found, ranked below.
    expect(rest.map((g) => [g.episodeId, g.hits.map((h) => [h.kind, h.exact])])).toEqual([
      [EP2, [['show-notes', false]]],
    ]);
  });

  it('ranks an exact phrase above scattered words, and notes above titles/chapters above show notes', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP3, at: 7, text: 'queue then much later accept' });
    const order = notes.search('accept queue', { episodes }).map((g) => g.episodeId);
    expect(order).toEqual([EP1, EP3, EP2]);
    const single = notes.search('internals', { episodes });
    expect(single.map((g) => g.hits.map((h) => h.kind))).toEqual([['title'], ['chapter']]);
  });

  it('is case- and accent-insensitive and returns a snippet around the match in the original text', () => {
    const notes = notesService(dataDir);
    const [group] = notes.search('UBER-LONG CAFE', { episodes });
    expect(group?.episodeId).toBe(EP2);
    const hit = group?.hits[0];
    expect(hit?.snippet).toContain('Über-long café');
    expect(hit?.snippet.slice(...hit.match)).toBe('Über-long café');
  });

  it('finds notes of episodes no longer in the library, without a title', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: 'bbbbbbbbbbbbbbbb', at: 3, text: 'orphan thought' });
    expect(notes.search('orphan', { episodes })).toEqual([
      { episodeId: 'bbbbbbbbbbbbbbbb', hits: [expect.objectContaining({ kind: 'note', at: 3 })], moreHits: 0 },
    ]);
  });

  it('follows edits and deletes, and sees changed episode text in a fresh context', () => {
    const notes = notesService(dataDir);
    const note = notes.add({ episodeId: EP1, at: 1, text: 'alpha' });
    expect(notes.search('alpha', { episodes })).toHaveLength(1);
    notes.update(note.id, { text: 'beta' });
    expect(notes.search('alpha', { episodes })).toEqual([]);
    notes.delete(note.id);
    expect(notes.search('beta', { episodes })).toEqual([]);
    const renamed = episodes.map((e) => (e.id === EP3 ? { ...e, title: 'Now about gamma' } : e));
    expect(notes.search('gamma', { episodes: renamed }).map((g) => g.episodeId)).toEqual([EP3]);
    expect(notes.search('   ', { episodes })).toEqual([]);
  });
});

describe('search with transcript hits', () => {
  const spoken = (at: number, exact: boolean): SearchHit => ({
    kind: 'transcript',
    at,
    snippet: 'the accept queue again',
    match: [4, 16],
    exact,
  });

  it('ranks them with the episode’s other hits, in one group, counting the ones not listed', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP3, at: 7, text: 'queue then much later accept' });
    const extraHits = [
      { episodeId: EP3, hits: [spoken(300, true), spoken(100, false)], total: 12 },
      { episodeId: 'cccccccccccccccc', hits: [spoken(5, false)], total: 1 },
    ];
    const groups = notes.search('accept queue', { episodes }, { extraHits, hitsPerEpisode: 3 });
    expect(groups.map((g) => [g.episodeId, g.moreHits])).toEqual([
      [EP1, 0],
      [EP3, 10], // 13 matches: a note and 12 cues
      ['cccccccccccccccc', 0], // scattered words: a transcript ranks above show notes
      [EP2, 0],
    ]);
    // A phrase in a transcript outranks scattered words in a note.
    expect(groups[1]?.hits.map((h) => [h.kind, h.at, h.exact])).toEqual([
      ['transcript', 300, true],
      ['note', 7, false],
      ['transcript', 100, false],
    ]);
  });

  it('the search handler merges the transcript index’s hits into the notes’ groups', async () => {
    const transcript: Transcript = {
      url: 'https://example.com/t.vtt',
      format: 'vtt',
      timed: true,
      cues: [
        { start: 0, end: 5, text: 'Hello.' },
        { start: 61.5, end: 70, text: 'Sockets wait in the accept queue.' },
      ],
    };
    const transcripts = new TranscriptIndex({ load: async (id) => (id === EP1 ? transcript : undefined) });
    await transcripts.add(EP1, transcript);
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 42, text: 'The accept queue fills up' });
    const handlers = notesHandlers({
      notes,
      catalogue: new Catalogue({ dataDir, storeFactory: confStoreFactory }),
      events: new EventBus(),
      texts: new EpisodeTexts(),
      chaptersOf: async () => [],
      transcripts,
    });
    const groups = await handlers.search({ query: 'accept queue' });
    expect(groups).toEqual([
      {
        episodeId: EP1,
        hits: [
          expect.objectContaining({ kind: 'note', at: 42, exact: true }),
          expect.objectContaining({ kind: 'transcript', at: 61.5, exact: true }),
        ],
        moreHits: 0,
      },
    ]);
  });
});
