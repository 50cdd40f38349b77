/** A fake window.earmark (EarmarkBridge) over in-memory data, for renderer tests. */
import { filterEpisodes, type EpisodeQuery } from '../../electron/core/library/episode-filter';
import type { EarmarkBridge, EventName, MethodName } from '../../shared/api';
import {
  defaultSettings,
  type Chapter,
  type Download,
  type EpisodeWithState,
  type Feed,
  type Note,
  type Notice,
  type Settings,
} from '../../shared/types';

export interface FakeData {
  feeds: Feed[];
  episodes: EpisodeWithState[];
  notices: Notice[];
  settings: Settings;
  /** Chapters by episode id. */
  chapters: Record<string, Chapter[]>;
  notes: Note[];
  /** Downloads by episode id; the fake never transfers anything, tests move them with `emit`. */
  downloads: Record<string, Download>;
  /** Up next: episode ids in play order. */
  queue: string[];
  /** What getSession answers: the id of the episode listened to last. */
  lastEpisodeId?: string;
}

export const sampleFeed: Feed = {
  id: 'feed-1',
  url: 'https://example.com/feed.xml',
  title: 'The Sample Show',
  description: '<p>A show about samples.</p>',
  lastSyncedAt: new Date().toISOString(),
};

export function sampleEpisode(id: string, title: string, overrides: Partial<EpisodeWithState> = {}): EpisodeWithState {
  return {
    id,
    feedId: sampleFeed.id,
    title,
    publishedAt: '2025-04-04T12:00:00Z',
    durationSeconds: 1862,
    enclosure: { url: `https://example.com/${id}.mp3`, type: 'audio/mpeg' },
    showNotesHtml: '<p>Notes for ' + title + '</p>',
    state: { position: 0, played: false, updatedAt: '2025-04-05T00:00:00Z' },
    hasNotes: false,
    ...overrides,
  };
}

/** A note on episode e1 (the renderer tests' usual episode). */
export function sampleNote(id: string, at: number, text: string): Note {
  return { id, episodeId: 'e1', at, text, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
}

export function createFakeBridge(data: Partial<FakeData> = {}) {
  const store: FakeData = {
    feeds: [sampleFeed],
    episodes: [],
    notices: [],
    settings: { ...defaultSettings },
    chapters: {},
    notes: [],
    downloads: {},
    queue: [],
    ...data,
  };
  // Like the queue store: answers the queue as episodes, announces every change.
  const queueEpisodes = () =>
    store.queue.map((id) => store.episodes.find((episode) => episode.id === id)).filter((e) => e !== undefined);
  const queueChanged = () => {
    const episodeIds = [...store.queue];
    queueMicrotask(() => listeners.forEach((listener) => listener('queueChanged', { episodeIds })));
    return queueEpisodes();
  };
  // Like the download manager: every change is announced as an event after the call answered.
  const putDownload = (download: Download) => {
    store.downloads[download.episodeId] = download;
    const copy = structuredClone(download);
    queueMicrotask(() => listeners.forEach((listener) => listener('downloadChanged', copy)));
    return download;
  };
  const downloadOf = (episodeId: string) => {
    const download = store.downloads[episodeId];
    if (!download) throw new Error('That episode has no download.');
    return download;
  };
  let noteCount = 0;
  // Like the notes service: every change is announced, after the call has answered.
  const changed = (episodeId: string) =>
    queueMicrotask(() => listeners.forEach((listener) => listener('notesChanged', { episodeIds: [episodeId] })));
  const findNote = (id: string) => {
    const note = store.notes.find((item) => item.id === id);
    if (!note) throw new Error(`no note ${id}`);
    return note;
  };
  // The service's own filter over the fake's episodes (given newest first, as the catalogue keeps them).
  const matching = (query: EpisodeQuery) =>
    filterEpisodes(store.episodes, query, (episode) => ({
      played: episode.state.played,
      position: episode.state.position,
      downloaded: store.downloads[episode.id]?.state === 'completed',
      hasNotes: episode.hasNotes || store.notes.some((note) => note.episodeId === episode.id),
    }));
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const unused = () => {
    throw new Error('not used by these renderer tests');
  };
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

  const handlers: Record<MethodName, (input: never) => unknown> = {
    listFeeds: () => store.feeds,
    listEpisodes: ({ offset = 0, limit, ...query }: EpisodeQuery & { offset?: number; limit?: number }) =>
      matching(query).slice(offset, limit === undefined ? undefined : offset + limit),
    countEpisodes: (query: EpisodeQuery) => matching(query).length,
    getEpisode: ({ id }: { id: string }) => store.episodes.find((episode) => episode.id === id),
    subscribe: () => ({
      feed: sampleFeed,
      result: { feedId: sampleFeed.id, ok: true, added: 0, updated: 0 },
      alreadySubscribed: store.feeds.some((feed) => feed.id === sampleFeed.id),
    }),
    // No directory by default; tests that search give the fake one (bridge.searchDirectory).
    searchDirectory: ({ term }: { term: string }) => ({ term, shows: [] }),
    refreshFeeds: () => [],
    setEpisodeState: ({ id, position, played }: { id: string; position?: number; played?: boolean }) => {
      const episode = store.episodes.find((item) => item.id === id)!;
      episode.state = {
        position: position ?? episode.state.position,
        played: played ?? episode.state.played,
        updatedAt: new Date().toISOString(),
      };
      return episode.state;
    },
    getSession: () => ({
      lastEpisode: store.episodes.find((episode) => episode.id === store.lastEpisodeId) ?? null,
    }),
    unsubscribe: ({ feedId }: { feedId: string }) => {
      const before = store.episodes.length;
      store.episodes = store.episodes.filter((episode) => episode.feedId !== feedId);
      store.feeds = store.feeds.filter((feed) => feed.id !== feedId);
      return { removedEpisodes: before - store.episodes.length, removedDownloads: 0 };
    },
    importOpml: () => ({ added: 1, skipped: 0, failed: [] }),
    exportOpml: () => ({ fileName: 'earmark-subscriptions.opml', mimeType: 'text/x-opml', content: '<opml/>' }),
    getQueue: () => queueEpisodes(),
    addToQueue: ({ episodeId, position }: { episodeId: string; position?: 'next' | 'end' }) => {
      store.queue = store.queue.filter((id) => id !== episodeId);
      if (position === 'next') store.queue.unshift(episodeId);
      else store.queue.push(episodeId);
      return queueChanged();
    },
    removeFromQueue: ({ episodeId }: { episodeId: string }) => {
      store.queue = store.queue.filter((id) => id !== episodeId);
      return queueChanged();
    },
    moveInQueue: ({ episodeId, toIndex }: { episodeId: string; toIndex: number }) => {
      store.queue = store.queue.filter((id) => id !== episodeId);
      store.queue.splice(Math.min(toIndex, store.queue.length), 0, episodeId);
      return queueChanged();
    },
    advanceQueue: ({ finishedEpisodeId }: { finishedEpisodeId?: string }) => {
      store.queue = store.queue.filter((id) => id !== finishedEpisodeId);
      const next = store.queue.shift();
      queueChanged();
      return store.episodes.find((episode) => episode.id === next) ?? null;
    },
    getSettings: () => store.settings,
    updateSettings: (patch: Partial<Settings>) => (store.settings = { ...store.settings, ...patch }),
    listNotices: () => store.notices,
    dismissNotice: ({ id }: { id: string }) => {
      store.notices = store.notices.filter((notice) => notice.id !== id);
      return null;
    },
    listDownloads: () => Object.values(store.downloads),
    downloadEpisode: ({ episodeId }: { episodeId: string }) => {
      const episode = store.episodes.find((item) => item.id === episodeId)!;
      return putDownload({
        episodeId,
        feedId: episode.feedId,
        url: episode.enclosure!.url,
        state: 'queued',
        bytes: 0,
        ...(episode.enclosure?.length ? { total: episode.enclosure.length } : {}),
        queuedAt: new Date().toISOString(),
      });
    },
    pauseDownload: ({ episodeId }: { episodeId: string }) => putDownload({ ...downloadOf(episodeId), state: 'paused' }),
    retryDownload: ({ episodeId }: { episodeId: string }) => {
      const { error: _error, ...rest } = downloadOf(episodeId);
      return putDownload({ ...rest, state: 'queued', queuedAt: new Date().toISOString() });
    },
    cancelDownload: ({ episodeId }: { episodeId: string }) =>
      putDownload({ ...downloadOf(episodeId), state: 'cancelled', bytes: 0 }),
    removeDownload: ({ episodeId }: { episodeId: string }) => {
      downloadOf(episodeId);
      delete store.downloads[episodeId];
      queueMicrotask(() => listeners.forEach((listener) => listener('downloadRemoved', { episodeId })));
      return null;
    },
    getStorageUsage: () => {
      const byFeed: Record<string, number> = {};
      let totalBytes = 0;
      for (const download of Object.values(store.downloads)) {
        if (download.state !== 'completed') continue;
        byFeed[download.feedId] = (byFeed[download.feedId] ?? 0) + download.bytes;
        totalBytes += download.bytes;
      }
      return { totalBytes, byFeed };
    },
    getChapters: ({ episodeId }: { episodeId: string }) => store.chapters[episodeId] ?? [],
    listNotes: ({ episodeId }: { episodeId: string }) =>
      store.notes.filter((note) => note.episodeId === episodeId).sort((a, b) => a.at - b.at),
    addNote: ({ episodeId, at, text }: { episodeId: string; at: number; text: string }) => {
      noteCount += 1;
      const now = new Date().toISOString();
      const note: Note = { id: `note-${noteCount}`, episodeId, at, text, createdAt: now, updatedAt: now };
      store.notes.push(note);
      changed(episodeId);
      return note;
    },
    updateNote: ({ id, text, at }: { id: string; text?: string; at?: number }) => {
      const note = findNote(id);
      Object.assign(note, { text: text ?? note.text, at: at ?? note.at, updatedAt: new Date().toISOString() });
      changed(note.episodeId);
      return note;
    },
    deleteNote: ({ id }: { id: string }) => {
      const note = findNote(id);
      store.notes = store.notes.filter((item) => item.id !== id);
      changed(note.episodeId);
      return note;
    },
    restoreNote: ({ note }: { note: Note }) => {
      store.notes.push(note);
      changed(note.episodeId);
      return note;
    },
    search: () => [],
    exportNotes: unused,
    importNotes: unused,
  };

  const bridge = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (input: unknown) => {
        calls.push({ method: method as MethodName, input });
        return ok(structuredClone((handler as (input: unknown) => unknown)(input)));
      },
    ]),
  ) as unknown as EarmarkBridge;
  bridge.on = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  return {
    bridge,
    store,
    calls,
    emit: (event: EventName, payload: unknown) => listeners.forEach((listener) => listener(event, payload)),
  };
}
