import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../../shared/api.js';
import type { EpisodeWithState } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

let dataDir: string;
let server: FeedServer;
let app: EarmarkApp;
let episode: EpisodeWithState;

async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const envelope = await app.call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value as MethodOutput<M>;
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-notes-app-'));
  server = new FeedServer();
  await server.start();
  const notes = '0:00 Intro<br>1:38 Socket vs Connections<br>7:50 SYN and Accept Queue';
  server.routes.set('/feed', (res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'sock', title: 'Sockets', notes }])),
  );
  app = createApp({ dataDir, storeFactory: confStoreFactory, defaultFeedUrl: server.url('/feed'), log: () => {} });
  await app.start();
  [episode] = (await call('listEpisodes', {})) as [EpisodeWithState];
});

afterEach(async () => {
  await app.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('chapters and notes through the contract', () => {
  it('finds show-note chapters before playback', async () => {
    const chapters = await call('getChapters', { episodeId: episode.id });
    expect(chapters.map((c) => [c.start, c.title])).toEqual([
      [0, 'Intro'],
      [98, 'Socket vs Connections'],
      [470, 'SYN and Accept Queue'],
    ]);
  });

  it('adds, lists, searches, deletes with undo, exports and re-imports notes', async () => {
    const seen: string[][] = [];
    app.events.subscribe((event, payload) => {
      if (event === 'notesChanged') seen.push((payload as { episodeIds: string[] }).episodeIds);
    });
    const note = await call('addNote', { episodeId: episode.id, at: 100, text: 'Backlog is per socket' });
    expect(note).toMatchObject({ episodeId: episode.id, at: 100, enclosureUrl: episode.enclosure?.url });
    expect(await call('listNotes', { episodeId: episode.id })).toEqual([note]);
    expect(seen).toEqual([[episode.id]]);

    const [group] = await call('search', { query: 'backlog' });
    expect(group).toMatchObject({ episodeId: episode.id, title: 'Sockets' });
    expect(group?.hits[0]).toMatchObject({ kind: 'note', at: 100, noteId: note.id });

    const markdown = await call('exportNotes', { episodeId: episode.id, format: 'markdown' });
    expect(markdown.fileName).toBe('earmark-notes-sockets.md');
    expect(markdown.content).toContain('### Socket vs Connections');
    expect(markdown.content).toContain(
      `- [1:40](earmark://episode/${episode.id}?t=100) ([audio](${episode.enclosure?.url}#t=100)) Backlog is per socket`,
    );

    const json = await call('exportNotes', { format: 'json' });
    const deleted = await call('deleteNote', { id: note.id });
    expect(await call('listNotes', { episodeId: episode.id })).toEqual([]);
    await call('restoreNote', { note: deleted });
    expect(await call('listNotes', { episodeId: episode.id })).toEqual([note]);
    expect(await call('importNotes', { content: json.content })).toEqual({ added: 0, skipped: 1 });
  });

  it('keeps the quote the listener selected: listed, exported as a block quote, restored and re-imported', async () => {
    const quote = 'The accept queue holds connections the kernel finished';
    const note = await call('addNote', { episodeId: episode.id, at: 470, text: '', quote: `  ${quote} ` });
    expect(note.quote).toBe(quote);
    expect(await call('listNotes', { episodeId: episode.id })).toEqual([note]);
    const markdown = await call('exportNotes', { episodeId: episode.id, format: 'markdown' });
    expect(markdown.content).toContain(`#t=470))\n  > ${quote}`);
    const json = await call('exportNotes', { format: 'json' });
    await call('restoreNote', { note: await call('deleteNote', { id: note.id }) });
    expect(await call('listNotes', { episodeId: episode.id })).toEqual([note]);
    await call('deleteNote', { id: note.id });
    expect(await call('importNotes', { content: json.content })).toEqual({ added: 1, skipped: 0 });
    expect((await call('listNotes', { episodeId: episode.id }))[0]?.quote).toBe(quote);
  });

  it('a note without a transcript or a selection has no quote', async () => {
    const note = await call('addNote', { episodeId: episode.id, at: 5, text: 'plain', quote: '   ' });
    expect(note).not.toHaveProperty('quote');
  });

  it('refuses a note for an unknown episode and a bad import, in words', async () => {
    expect(await app.call('addNote', { episodeId: 'nope', at: 1, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await app.call('importNotes', { content: '{"format":"other"}' })).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});
