import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, EarmarkError, type Handlers } from '../../../electron/core/dispatch.js';
import { defaultSettings } from '../../../shared/types.js';

const download = { episodeId: 'e1', feedId: 'f1', url: '', state: 'queued' as const, bytes: 0, queuedAt: '' };
const note = { id: 'n1', episodeId: 'e1', at: 5, text: '', createdAt: '', updatedAt: '' };

/** Handlers that record their calls; only the few a test needs do anything. */
function makeHandlers(overrides: Partial<Handlers> = {}) {
  const base = {
    listFeeds: () => [],
    listEpisodes: () => [],
    countEpisodes: () => 0,
    getEpisode: () => {
      throw new EarmarkError('not-found', 'That episode is not in your library.');
    },
    subscribe: () => {
      throw new Error('secret internal detail');
    },
    searchDirectory: ({ term }) => ({ term, shows: [] }),
    refreshFeeds: () => [],
    setEpisodeState: () => ({ position: 0, played: false, updatedAt: '' }),
    getSession: () => ({ lastEpisode: null }),
    unsubscribe: () => ({ removedEpisodes: 0, removedDownloads: 0 }),
    importOpml: () => ({ added: 0, skipped: 0, failed: [] }),
    exportOpml: () => ({ fileName: 'a.opml', mimeType: 'text/x-opml', content: '' }),
    getQueue: () => [],
    addToQueue: () => [],
    removeFromQueue: () => [],
    moveInQueue: () => [],
    advanceQueue: () => null,
    getSettings: () => defaultSettings,
    updateSettings: () => defaultSettings,
    listNotices: () => [],
    dismissNotice: () => null,
    listDownloads: () => [],
    downloadEpisode: () => download,
    pauseDownload: () => download,
    retryDownload: () => download,
    cancelDownload: () => download,
    removeDownload: () => null,
    getStorageUsage: () => ({ totalBytes: 0, byFeed: {} }),
    getChapters: () => [],
    getTranscript: () => ({ status: 'none' as const }),
    listNotes: () => [],
    addNote: () => note,
    updateNote: () => note,
    deleteNote: () => note,
    restoreNote: () => note,
    search: () => [],
    exportNotes: () => ({ fileName: 'notes.md', mimeType: 'text/markdown', content: '' }),
    importNotes: () => ({ added: 0, skipped: 0 }),
    ...overrides,
  } satisfies Handlers;
  const spied = Object.fromEntries(Object.entries(base).map(([name, fn]) => [name, vi.fn(fn)]));
  return spied as unknown as { [K in keyof Handlers]: ReturnType<typeof vi.fn> & Handlers[K] };
}

const silent = () => {};

describe('dispatch', () => {
  it('calls the handler with validated input and wraps the value', async () => {
    const handlers = makeHandlers();
    expect(await dispatch(handlers, 'listEpisodes', { feedId: 'f1' }, silent)).toEqual({ ok: true, value: [] });
    expect(handlers.listEpisodes).toHaveBeenCalledWith({ feedId: 'f1' });
  });

  it.each([
    ['subscribe', { url: 'not a url' }],
    ['subscribe', { url: 'file:///etc/passwd' }],
    ['subscribe', {}],
    ['setEpisodeState', { id: 'e1', position: -1 }],
    ['updateSettings', { playbackRate: 10 }],
    ['updateSettings', { speedByFeed: { f1: 4 } }],
    ['updateSettings', { refreshIntervalMinutes: -5 }],
    ['listEpisodes', { state: 'archived' }],
    ['listEpisodes', { limit: 0 }],
    ['addToQueue', { episodeId: 'e1', position: 'first' }],
    ['moveInQueue', { episodeId: 'e1', toIndex: -1 }],
    ['unsubscribe', { feedId: 'f1' }],
    ['listFeeds', { extra: true }],
    ['getEpisode', 'just a string'],
  ] as const)('rejects bad input for %s without calling the handler', async (method, input) => {
    const handlers = makeHandlers();
    const result = await dispatch(handlers, method, input, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('rejects an unknown method, including inherited object keys', async () => {
    const handlers = makeHandlers();
    // Also values String() throws on (found by the property tests): an answer, never a rejection.
    for (const method of [
      'deleteEverything',
      'constructor',
      '__proto__',
      42,
      Object.create(null),
      [Object.create(null)],
    ]) {
      expect(await dispatch(handlers, method, {}, silent)).toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });

  it('passes an EarmarkError through with its code and message', async () => {
    expect(await dispatch(makeHandlers(), 'getEpisode', { id: 'nope' }, silent)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That episode is not in your library.' },
    });
  });

  it('turns any other error into "internal", logs it, and does not leak its message', async () => {
    const log = vi.fn();
    const result = await dispatch(makeHandlers(), 'subscribe', { url: 'https://example.com/feed' }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internal detail');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'secret internal detail' }));
  });

  // What fs.writeFileSync / rename throw: an Error with code, errno, syscall and path.
  const fsError = (code: string, errno: number) =>
    Object.assign(new Error(`${code}: refused, write '/data/notes/x.json.tmp'`), {
      code,
      errno,
      syscall: 'write',
      path: '/data/notes/x.json.tmp',
    });

  it.each([
    [
      'addNote',
      'ENOSPC',
      { episodeId: 'e1', at: 5, text: 'hi' },
      -28,
      'Adding the note failed: the disk is full, so nothing was saved. Free some disk space and try again.',
    ],
    [
      'updateSettings',
      'ENOSPC',
      { playbackRate: 1.5 },
      -28,
      'Saving the settings failed: the disk is full, so nothing was saved. Free some disk space and try again.',
    ],
    [
      'addNote',
      'EDQUOT',
      { episodeId: 'e1', at: 5, text: 'hi' },
      -122,
      'Adding the note failed: your disk quota is used up, so nothing was saved. Free some space in your quota and try again.',
    ],
    [
      'updateSettings',
      'EROFS',
      { playbackRate: 1.5 },
      -30,
      'Saving the settings failed: the disk holding Earmark’s data folder is read-only, so nothing was saved. Make it writable (or move the data folder) and try again.',
    ],
    [
      'addToQueue',
      'EACCES',
      { episodeId: 'e1' },
      -13,
      'Adding to Up next failed: Earmark is not allowed to write to its data folder, so nothing was saved. Check the folder’s permissions and try again.',
    ],
    [
      'listFeeds',
      'EPERM',
      {},
      -1,
      'That failed: Earmark is not allowed to write to its data folder, so nothing was saved. Check the folder’s permissions (or whether another program locks the file) and try again.',
    ],
  ] as const)('%s throwing %s (errno) says so in words', async (method, code, input, errno, message) => {
    const log = vi.fn();
    const thrown = fsError(code, errno);
    const handlers = makeHandlers({
      [method]: () => {
        throw thrown;
      },
    });
    expect(await dispatch(handlers, method, input, log)).toEqual({ ok: false, error: { code: 'failed', message } });
    // Still logged, with the path and syscall the message leaves out.
    expect(log).toHaveBeenCalledWith(thrown);
  });

  // Linux's /dev/full answers every write with ENOSPC: a real full disk, from the real syscall.
  it.runIf(existsSync('/dev/full'))('a real ENOSPC from the file system reads as a full disk', async () => {
    const handlers = makeHandlers({
      addNote: () => {
        writeFileSync('/dev/full', 'a note');
        return note;
      },
    });
    expect(await dispatch(handlers, 'addNote', { episodeId: 'e1', at: 5, text: 'hi' }, silent)).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Adding the note failed: the disk is full, so nothing was saved. Free some disk space and try again.',
      },
    });
  });

  it('finds the code under a cause, and a code that is no disk problem stays "internal"', async () => {
    const wrapped = new Error('could not save', { cause: fsError('ENOSPC', -28) });
    const full = makeHandlers({
      addNote: () => {
        throw wrapped;
      },
    });
    expect(await dispatch(full, 'addNote', { episodeId: 'e1', at: 1, text: 'x' }, silent)).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('the disk is full') },
    });
    for (const code of ['ECONNRESET', 'constructor', '__proto__']) {
      const other = makeHandlers({
        addNote: () => {
          throw Object.assign(new Error('x'), { code });
        },
      });
      expect(await dispatch(other, 'addNote', { episodeId: 'e1', at: 1, text: 'x' }, silent)).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    }
  });

  it('treats missing input as an empty object and undefined results as null', async () => {
    const handlers = makeHandlers({ dismissNotice: () => undefined as unknown as null });
    expect(await dispatch(handlers, 'listFeeds', undefined, silent)).toEqual({ ok: true, value: [] });
    expect(await dispatch(handlers, 'dismissNotice', { id: 'n1' }, silent)).toEqual({ ok: true, value: null });
  });
});
