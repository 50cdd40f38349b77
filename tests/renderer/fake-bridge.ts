/**
 * window.earmark (EarmarkBridge) for renderer tests, over the real services: a `createApp` on a temp
 * data folder. Every call goes through `app.call` (the contract's validation, the real handlers) and
 * every event comes from `app.events`, as in the desktop app and the browser host. A test overrides
 * only what cannot exist in jsdom (`overrides`, handlers checked like the real ones): a directory
 * search, a call that fails, an answer that arrives late.
 *
 * The test's data is written as the stores' files before createApp opens the folder (catalogue,
 * listening state, Up next, settings, downloads, chapters cache), and notes go in through the
 * contract (`restoreNote`). The services reach "the web" only through the injected `fetch`, which
 * answers from `network` (what the test serves) and fails at once for every other address: nothing
 * leaves the machine, and nothing waits on a timeout. `app.start()` is not called: no default show,
 * no background refresh, and the download queue runs only once a test downloads for real (`download`).
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type EarmarkApp } from '../../electron/core/app';
import { ChapterCache } from '../../electron/core/chapters/chapter-cache';
import { confStoreFactory } from '../../electron/core/conf-store';
import { dispatch, type Handlers } from '../../electron/core/dispatch';
import { extensionFor, finalFileName } from '../../electron/core/downloads/media-names';
import { shortHash } from '../../electron/core/feeds/stable-id';
import { methodNames, type EarmarkBridge, type EventName, type MethodName } from '../../shared/api';
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
  /** Notices the services would have raised (a repaired store…); the service keeps them in memory only. */
  notices: Notice[];
  settings: Settings;
  /** Chapters by episode id (as a podcast:chapters file the episode names, already fetched and cached). */
  chapters: Record<string, Chapter[]>;
  notes: Note[];
  /** Downloads by episode id; a completed one gets a file of its size in the media folder. */
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

/** What a test serves to the services' fetch: a body, or a function of the request. */
export type Route =
  string | Uint8Array<ArrayBuffer> | ((url: string, init: RequestInit | undefined) => Response | Promise<Response>);

/** A route whose answer never comes (until the app closes): a download that never completes. */
export const never: Route = (_url, init) =>
  new Promise((_resolve, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

export interface FakeBridgeOptions {
  /** Handlers used instead of the real ones (still behind the contract's validation). */
  overrides?: Partial<Handlers>;
}

export type FakeBridge = Awaited<ReturnType<typeof createFakeBridge>>;

/** Every fake made and not closed yet; `closeFakeBridges` (after each test) closes them. */
const open = new Set<FakeBridge>();

export async function closeFakeBridges(): Promise<void> {
  await Promise.all([...open].map((fake) => fake.close()));
}

export async function createFakeBridge(data: Partial<FakeData> = {}, options: FakeBridgeOptions = {}) {
  const seed = { feeds: [sampleFeed], episodes: [], settings: defaultSettings, ...data };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-renderer-'));
  await writeStores(dataDir, seed);

  const routes = new Map<string, Route>();
  const network: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const route = routes.get(url);
    if (route === undefined) throw new TypeError(`fetch failed: ${url} is not served in this test`);
    if (typeof route === 'function') return route(url, init);
    return new Response(route, { headers: { 'content-length': String(route.length) } });
  };
  const logged: unknown[] = [];
  const app: EarmarkApp = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    fetch: network,
    log: (error) => logged.push(error),
    refreshTimers: { set: () => 0, clear: () => {} }, // no background refresh
  });
  for (const note of seed.notes ?? []) await app.call('restoreNote', { note });

  // Notices live in memory in the service too; the seeded ones are listed and dismissed beside its own.
  let seededNotices = [...(seed.notices ?? [])];
  const overrides: Partial<Handlers> = {
    listNotices: async () => [...seededNotices, ...(await app.handlers.listNotices({}))],
    dismissNotice: (input) => {
      seededNotices = seededNotices.filter((notice) => notice.id !== input.id);
      return app.handlers.dismissNotice(input);
    },
    ...options.overrides,
  };

  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const toListeners = (event: EventName, payload: unknown) =>
    listeners.forEach((listener) => listener(event, structuredClone(payload)));
  const offEvents = app.events.subscribe(toListeners);

  // Calls still on their way when the test ends (an unmounting player saves its position) finish
  // before the app closes; later ones are answered as a closed app would be, so nothing writes
  // into the data folder after it is removed.
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const bridge = Object.fromEntries(
    methodNames.map((method) => [
      method,
      async (input: unknown) => {
        calls.push({ method, input });
        if (closing) return { ok: false, error: { code: 'failed', message: 'Earmark has closed.' } };
        const handlers = { ...app.handlers, ...overrides } as Handlers;
        // Across a transport the input is copied and so is the answer.
        const call = dispatch(handlers, method, structuredClone(input), (error) => logged.push(error));
        inFlight.add(call);
        const envelope = await call.finally(() => inFlight.delete(call));
        return structuredClone(envelope);
      },
    ]),
  ) as unknown as EarmarkBridge;
  bridge.on = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  let closed: Promise<void> | undefined;
  const fake = {
    bridge,
    app,
    calls,
    /** Handlers used instead of the real ones; a test may set one at any time. */
    overrides,
    /** What the services' fetch answers, by absolute URL; any other address fails at once. */
    network: routes,
    /** What the services hold now, for a test's assertions (read only). */
    store: {
      get settings() {
        return app.handlers.getSettings({}) as Settings;
      },
      /** Downloads by episode id. */
      get downloads(): Record<string, Download> {
        const list = app.handlers.listDownloads({}) as Download[];
        return Object.fromEntries(list.map((download) => [download.episodeId, download]));
      },
      get queue() {
        return (app.handlers.getQueue({}) as EpisodeWithState[]).map((episode) => episode.id);
      },
    },
    /**
     * Downloads an episode for real: its enclosure URL serves `bytes` zero bytes, and this resolves
     * once the download manager says it completed (its events reach the renderer as they happen).
     */
    download: async (episodeId: string, bytes: number) => {
      const episode = (await app.handlers.getEpisode({ id: episodeId })) as EpisodeWithState;
      routes.set(episode.enclosure!.url, new Uint8Array(bytes));
      const done = new Promise<void>((resolve) => {
        const off = app.events.subscribe((event, payload) => {
          const download = payload as Download;
          if (event !== 'downloadChanged' || download.episodeId !== episodeId) return;
          if (download.state !== 'completed' && download.state !== 'failed') return;
          off();
          resolve();
        });
      });
      await app.downloads.resume(); // the queue runs from here on (createApp's start is not called)
      const answer = await app.call('downloadEpisode', { episodeId });
      if (!answer.ok) throw new Error(answer.error.message);
      await done;
    },
    /** Errors the services logged (nothing is printed). */
    logged,
    dataDir,
    /**
     * Sends an event to the renderer only, as the shell does (menu commands) or as a service would
     * in a moment the test stages (a transfer's progress). The services do not hear it.
     */
    emit: (event: EventName, payload: unknown) => toListeners(event, payload),
    close: () =>
      (closed ??= (async () => {
        open.delete(fake);
        offEvents();
        listeners.clear();
        await new Promise((resolve) => setTimeout(resolve, 0));
        closing = true;
        await Promise.allSettled([...inFlight]);
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
  open.add(fake);
  return fake;
}

const writeJson = (file: string, value: unknown) => {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(value), { mode: 0o600 });
};

/** The test's library as the services keep it on disk (see "The data folder" in docs/architecture.md). */
async function writeStores(dataDir: string, data: Partial<FakeData> & { feeds: Feed[]; episodes: EpisodeWithState[] }) {
  const chapterCache = new ChapterCache(dataDir);
  const chaptersUrl = (id: string) => `https://example.com/${encodeURIComponent(id)}/chapters.json`;
  const stored = data.episodes.map(({ state: _state, hasNotes: _hasNotes, ...episode }) =>
    data.chapters?.[episode.id] ? { ...episode, chaptersUrl: chaptersUrl(episode.id) } : episode,
  );
  writeJson(path.join(dataDir, 'catalogue.json'), { schemaVersion: 2, feeds: data.feeds });
  for (const feed of data.feeds) {
    const episodes = stored.filter((episode) => episode.feedId === feed.id);
    writeJson(path.join(dataDir, 'shows', `${shortHash(feed.id)}.json`), {
      schemaVersion: 1,
      feedId: feed.id,
      episodes,
    });
  }
  const states = Object.fromEntries(data.episodes.map((episode) => [episode.id, episode.state]));
  writeJson(path.join(dataDir, 'listening-state.json'), {
    schemaVersion: 1,
    states,
    ...(data.lastEpisodeId ? { lastEpisodeId: data.lastEpisodeId } : {}),
  });
  writeJson(path.join(dataDir, 'queue.json'), { schemaVersion: 1, queue: data.queue ?? [] });
  writeJson(path.join(dataDir, 'settings.json'), { schemaVersion: 1, settings: data.settings });
  const downloads = Object.values(data.downloads ?? {}).map((download) => {
    if (download.state !== 'completed') return download;
    const episode = data.episodes.find((item) => item.id === download.episodeId);
    const fileName = finalFileName(download.episodeId, extensionFor(episode?.enclosure?.type));
    const file = path.join(dataDir, 'media', fileName);
    writeJson(file, '');
    truncateSync(file, download.bytes); // sparse: the size is what the services read
    return { ...download, fileName };
  });
  writeJson(path.join(dataDir, 'downloads.json'), { schemaVersion: 1, downloads });
  for (const [episodeId, chapters] of Object.entries(data.chapters ?? {})) {
    await chapterCache.set(chaptersUrl(episodeId), chapters, new Date());
  }
}
