import { describe, expect, it, vi } from 'vitest';
import { TranscriptIndex, type TranscriptIndexOptions } from '../../../electron/core/transcripts/transcript-index.js';
import type { Transcript } from '../../../shared/transcript-types.js';

/** A transcript with one cue per text, ten seconds apart. */
function transcript(...texts: string[]): Transcript {
  return {
    url: 'https://example.com/t.vtt',
    format: 'vtt',
    timed: true,
    cues: texts.map((text, i) => ({ start: i * 10, end: i * 10 + 10, text })),
  };
}

const SOCKETS = transcript(
  'Welcome back to the show.',
  'Today the Kernel keeps an accept queue for every socket.',
  'When it fills up, new connections wait in the SYN backlog',
  'and that is where latency comes from.',
  'Thanks for listening, see you next week.',
);
const DATABASES = transcript('Postgres writes the WAL first.', 'Replication reads it; the kernel is not involved.');

/** An index over transcripts held in a map (the transcript cache), counting reads. */
function indexOver(stored: Record<string, Transcript>, options: Partial<TranscriptIndexOptions> = {}) {
  const reads: string[] = [];
  const index = new TranscriptIndex({
    load: async (id) => {
      reads.push(id);
      return stored[id];
    },
    ...options,
  });
  return { index, reads, stored };
}

async function indexed(stored: Record<string, Transcript>, options: Partial<TranscriptIndexOptions> = {}) {
  const made = indexOver(stored, options);
  for (const [id, t] of Object.entries(stored)) await made.index.add(id, t);
  return made;
}

describe('TranscriptIndex', () => {
  it('finds a phrase at its cue, with a snippet from the original text', async () => {
    const { index, reads } = await indexed({ sockets: SOCKETS, databases: DATABASES });
    expect(reads).toEqual([]); // indexing keeps no text to read back
    const [group, ...rest] = await index.search('ACCEPT queue');
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ episodeId: 'sockets', total: 1 });
    const hit = group!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'transcript', at: 10, exact: true });
    expect(hit.snippet).toContain('Today the Kernel keeps an accept queue for every socket.');
    expect(hit.snippet.slice(...hit.match)).toBe('accept queue');
    expect(reads).toEqual(['sockets']);
  });

  it('finds words said in neighbouring cues, at the first of them, and not words said far apart', async () => {
    const { index } = await indexed({ sockets: SOCKETS, databases: DATABASES });
    const [group] = await index.search('latency backlog');
    expect(group?.hits).toEqual([expect.objectContaining({ at: 20, exact: false })]);
    expect(group!.hits[0]!.snippet.slice(...group!.hits[0]!.match)).toBe('backlog');
    expect(await index.search('welcome latency')).toEqual([]);
    expect(await index.search('postgres socket')).toEqual([]); // each word in another episode
  });

  it('finds a phrase that runs on into the next cue', async () => {
    const { index } = await indexed({ sockets: SOCKETS });
    const [group] = await index.search('syn backlog and that');
    expect(group?.hits).toEqual([expect.objectContaining({ at: 20, exact: true })]);
  });

  it('matches parts of words and ignores case, accents and punctuation at word edges', async () => {
    const { index } = await indexed({ cafe: transcript('Un café, s’il vous plaît!', 'Connections… many of them.') });
    expect((await index.search('CAFE'))[0]?.hits[0]?.snippet).toContain('café');
    expect(await index.search('connection')).toHaveLength(1);
    expect(await index.search('plait!')).toHaveLength(1);
    expect(await index.search('...')).toEqual([]);
  });

  it('ranks phrase cues first, lists at most hitsPerEpisode and counts every matching cue', async () => {
    const many = transcript(...Array.from({ length: 30 }, (_, i) => (i === 20 ? 'queue accept' : 'accept the queue.')));
    const { index } = await indexed({ many }, { hitsPerEpisode: 3 });
    const [group] = await index.search('accept the');
    expect(group?.total).toBe(29);
    expect(group?.hits.map((h) => [h.at, h.exact])).toEqual([
      [0, true],
      [10, true],
      [20, true],
    ]);
    const [scattered] = await index.search('queue accept');
    expect(scattered?.hits[0]).toMatchObject({ at: 200, exact: true });
    expect(scattered?.total).toBe(30); // the phrase in one cue, both words near each other in the rest
  });

  it('forgets a removed episode', async () => {
    const { index, reads } = await indexed({ sockets: SOCKETS, databases: DATABASES });
    index.remove('sockets');
    expect(index.size).toBe(1);
    expect((await index.search('kernel')).map((g) => g.episodeId)).toEqual(['databases']);
    expect(reads).toEqual(['databases']);
  });

  it('drops an episode quietly when its transcript is gone from the cache', async () => {
    const { index, reads, stored } = await indexed({ sockets: SOCKETS, databases: DATABASES });
    delete stored.sockets;
    expect((await index.search('kernel')).map((g) => g.episodeId)).toEqual(['databases']);
    expect(index.has('sockets')).toBe(false);
    reads.length = 0;
    expect((await index.search('kernel')).map((g) => g.episodeId)).toEqual(['databases']);
    expect(reads).toEqual([]); // databases is in memory; sockets is not asked for again
  });

  it('reads an episode again once the cache let it go, and still answers the same', async () => {
    // Room for one of these transcripts at a time.
    const { index, reads } = await indexed({ sockets: SOCKETS, databases: DATABASES }, { cacheBytes: 800 });
    const first = await index.search('kernel');
    expect(first.map((g) => g.episodeId).sort()).toEqual(['databases', 'sockets']);
    expect(index.stats().cachedEpisodes).toBe(1);
    expect(index.stats().cachedBytes).toBeLessThanOrEqual(800);
    reads.length = 0;
    const again = await index.search('kernel');
    expect(again.sort((a, b) => a.episodeId.localeCompare(b.episodeId))).toEqual(
      first.sort((a, b) => a.episodeId.localeCompare(b.episodeId)),
    );
    expect(reads).toHaveLength(1); // the one in memory is not read
    reads.length = 0;
    expect(await index.search('accept queue')).toHaveLength(1);
    expect(await index.search('postgres wal')).toHaveLength(1);
    expect(reads).toEqual(['sockets', 'databases']);
  });

  it('reads the smallest transcripts first, and within its budget; the rest in the background', async () => {
    const stored = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`e${i}`, transcript(`episode ${i} kernel`, 'and more'.repeat(4 - i))]),
    );
    const onWarm = vi.fn();
    const { index, reads } = await indexed(stored, { budgetMs: 0, onWarm });
    // No time to read anything: the answer leaves transcripts out, and they are read after it.
    expect(await index.search('kernel')).toEqual([]);
    await vi.waitFor(() => expect(onWarm).toHaveBeenCalledOnce());
    expect(reads).toEqual(['e3', 'e2', 'e1', 'e0']);
    // In memory now, most recently read first; with no time left, one is looked into.
    expect((await index.search('kernel')).map((g) => g.episodeId)).toEqual(['e0']);
    const roomy = await indexed(stored, { maxEpisodesPerSearch: 2 });
    expect((await roomy.index.search('kernel', 50)).map((g) => g.episodeId)).toEqual(['e3', 'e2']);
    expect(await roomy.index.search('kernel', 1)).toHaveLength(1);
    expect(roomy.reads).toEqual(['e3', 'e2']);
  });

  it('does not say "ask again" when what it read in the background did not all fit in its cache', async () => {
    const onWarm = vi.fn();
    const stored = { a: SOCKETS, b: transcript('the kernel again'), c: transcript('kernel') };
    const { index, reads } = await indexed(stored, { budgetMs: 0, cacheBytes: 200, onWarm });
    expect(await index.search('kernel')).toEqual([]);
    await vi.waitFor(() => expect(reads).toHaveLength(3));
    await new Promise((resolve) => setImmediate(resolve));
    expect(onWarm).not.toHaveBeenCalled();
  });

  it('re-indexing replaces an episode’s words, and compaction keeps the rest searchable', async () => {
    const { index, stored } = await indexed({ a: SOCKETS, b: DATABASES });
    stored.a = transcript('Only about gardening now.'); // the cache holds the new transcript
    await index.add('a', stored.a);
    expect((await index.search('kernel')).map((g) => g.episodeId)).toEqual(['b']);
    for (let i = 0; i < 200; i++) {
      await index.add(`tmp${i}`, transcript(`temporary ${i}`));
      index.remove(`tmp${i}`);
    }
    expect(index.stats().words).toBeLessThan(30); // the temporary words were dropped with their episodes
    expect((await index.search('gardening')).map((g) => g.episodeId)).toEqual(['a']);
    expect((await index.search('wal')).map((g) => g.episodeId)).toEqual(['b']);
  });

  it('indexes in slices that let other work run, and a remove meanwhile wins', async () => {
    const big = transcript(...Array.from({ length: 5_000 }, (_, i) => `cue ${i} about sockets`));
    const { index } = indexOver({ big }, { sliceMs: 0 });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const adding = index.add('big', big);
    await new Promise((resolve) => setTimeout(resolve, 5));
    index.remove('big');
    await adding;
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(index.size).toBe(0);
    await index.add('big', big);
    expect(await index.search('sockets')).toHaveLength(1);
  });

  it('builds from ids through the loader, skipping what is indexed or gone', async () => {
    const { index, reads } = indexOver({ sockets: SOCKETS, databases: DATABASES });
    await index.add('sockets', SOCKETS);
    await index.buildFrom(['sockets', 'databases', 'deleted']);
    expect(reads).toEqual(['databases', 'deleted']);
    expect(index.size).toBe(2);
    expect(await index.search('no such words')).toEqual([]);
  });
});
