/**
 * Every download the service knows, kept fresh by its events, shared by the episode view, the
 * library rows, the Downloads view and the player (which plays completed ones from disk).
 *
 * Two contexts: the downloads themselves change a few times per download, progress up to four
 * times a second per running one. Only the small progress widgets read the second, so the rest of
 * the app does not re-render at that rate.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Download, DownloadProgress, DownloadState, EpisodeWithState } from '../../../shared/types';
import { api, errorText } from '../../api';

export interface DownloadActions {
  download(episodeId: string): Promise<void>;
  pause(episodeId: string): Promise<void>;
  /** Continues a paused, failed or cancelled download. */
  resume(episodeId: string): Promise<void>;
  cancel(episodeId: string): Promise<void>;
  remove(episodeId: string): Promise<void>;
}

export interface Downloads extends DownloadActions {
  /** The first list arrived; before that, an episode's own `download` field is the best guess. */
  ready: boolean;
  byId: ReadonlyMap<string, Download>;
  /** Episodes whose file is complete on disk. */
  completedIds: ReadonlySet<string>;
  /** Why the last action on an episode failed (the call itself, e.g. the app is unreachable). */
  actionErrors: ReadonlyMap<string, string>;
  /** An episode's download: the live one once known, else what the episode came with. */
  of(episode: Pick<EpisodeWithState, 'id' | 'download'>): Download | undefined;
}

const DownloadsContext = createContext<Downloads | null>(null);
const ProgressContext = createContext<ReadonlyMap<string, DownloadProgress>>(new Map());

export function useDownloads(): Downloads {
  const downloads = useContext(DownloadsContext);
  if (!downloads) throw new Error('useDownloads needs a DownloadsProvider');
  return downloads;
}

/** The latest progress event of a running download. */
export function useDownloadProgress(episodeId: string): DownloadProgress | undefined {
  return useContext(ProgressContext).get(episodeId);
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): Map<K, V> {
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
}

/** How far one attempt (one queuedAt) has got: queued → downloading → an end (or a pause). */
const stage: Record<DownloadState, number> = {
  queued: 0,
  downloading: 1,
  paused: 2,
  failed: 2,
  cancelled: 2,
  completed: 2,
};

/**
 * Events and answers travel separately (SSE vs HTTP), so the answer to Download or Retry ("queued",
 * or "downloading" when the service started it at once) can arrive after the events that moved the
 * same attempt (same queuedAt) on, even to its end: a small file can complete first. Such an answer
 * is stale; taking it would put a finished download back to "downloading" for good.
 */
function isStale(answer: Download, current: Download | undefined): boolean {
  return current !== undefined && current.queuedAt === answer.queuedAt && stage[current.state] > stage[answer.state];
}

export function DownloadsProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [byId, setById] = useState<ReadonlyMap<string, Download>>(new Map());
  const [progress, setProgress] = useState<ReadonlyMap<string, DownloadProgress>>(new Map());
  const [actionErrors, setActionErrors] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const put = (download: Download) => {
      setById((map) => withEntry(map, download.episodeId, download));
      // Progress belongs to a running transfer; any other state ends it.
      if (download.state !== 'downloading') setProgress((map) => withEntry(map, download.episodeId, undefined));
    };
    const reload = () =>
      api
        .listDownloads({})
        .then((list) => {
          if (!live) return;
          setById(new Map(list.map((download) => [download.episodeId, download])));
          setReady(true);
        })
        .catch((error: unknown) => console.warn('Could not list downloads', error));
    const offs = [
      api.on('downloadChanged', put),
      api.on('downloadProgress', (event) => {
        setProgress((map) => withEntry(map, event.episodeId, event));
        // Bytes on the download itself move too, so lists without a bar stay right.
        setById((map) => {
          const current = map.get(event.episodeId);
          // A progress event also means the download runs (its "downloading" event may lag).
          if (!current || (current.state !== 'downloading' && current.state !== 'queued')) return map;
          return withEntry(map, event.episodeId, {
            ...current,
            state: 'downloading',
            bytes: event.bytes,
            total: event.total ?? current.total,
          });
        });
      }),
      api.on('downloadRemoved', ({ episodeId }) => {
        setById((map) => withEntry(map, episodeId, undefined));
        setProgress((map) => withEntry(map, episodeId, undefined));
      }),
      // The event stream (re)connected, or the library changed: events may have been missed.
      api.on('libraryChanged', () => void reload()),
    ];
    void reload();
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, []);

  const act = useCallback(async (episodeId: string, run: () => Promise<Download | null>) => {
    setActionErrors((map) => withEntry(map, episodeId, undefined));
    try {
      const answer = await run();
      if (answer) setById((map) => (isStale(answer, map.get(episodeId)) ? map : withEntry(map, episodeId, answer)));
    } catch (error) {
      setActionErrors((map) => withEntry(map, episodeId, errorText(error)));
    }
  }, []);

  const actions = useMemo<DownloadActions>(
    () => ({
      download: (episodeId) => act(episodeId, () => api.downloadEpisode({ episodeId })),
      pause: (episodeId) => act(episodeId, () => api.pauseDownload({ episodeId })),
      resume: (episodeId) => act(episodeId, () => api.retryDownload({ episodeId })),
      cancel: (episodeId) => act(episodeId, () => api.cancelDownload({ episodeId })),
      remove: (episodeId) =>
        act(episodeId, async () => {
          await api.removeDownload({ episodeId });
          setById((map) => withEntry(map, episodeId, undefined));
          return null;
        }),
    }),
    [act],
  );

  const completedIds = useMemo(
    () => new Set([...byId.values()].filter((d) => d.state === 'completed').map((d) => d.episodeId)),
    [byId],
  );

  const value = useMemo<Downloads>(
    () => ({
      ...actions,
      ready,
      byId,
      completedIds,
      actionErrors,
      of: (episode) => (ready ? byId.get(episode.id) : (byId.get(episode.id) ?? episode.download)),
    }),
    [actions, ready, byId, completedIds, actionErrors],
  );

  return (
    <DownloadsContext.Provider value={value}>
      <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>
    </DownloadsContext.Provider>
  );
}
