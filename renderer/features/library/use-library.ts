/**
 * Feeds and sync status, kept fresh by the service's events: reloaded on libraryChanged and after
 * each sync result (which carries a new lastSyncedAt / lastError). The episodes are asked a page at a
 * time by useEpisodeWindow; `changes` tells it when to ask again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Feed, SubscribeAnswer } from '../../../shared/types';
import { api, errorText } from '../../api';

export interface Library {
  feeds: Feed[];
  /** Moves whenever the episodes may have changed (a sync, notes, an import, an unsubscribe). */
  changes: number;
  /** True until the first load finished. */
  loading: boolean;
  /** The library itself could not be read. */
  loadError?: string;
  /** A sync is running (started here or elsewhere, e.g. the first-run sync). */
  refreshing: boolean;
  /** The last refresh request failed as a whole (not a single feed). */
  refreshError?: string;
  refresh: () => Promise<void>;
  /** Reads feeds and episodes again (after an unsubscribe or an import). */
  reload: () => Promise<void>;
  /** While several shows refresh together: how many of them are done ("2 of 5 shows"). */
  syncProgress?: { done: number; total: number };
  /** Subscribes (or finds the show already subscribed) and reloads; api errors are thrown. */
  subscribe: (url: string) => Promise<SubscribeOutcome>;
}

/** The show subscribed to (or found there), or the feeds a web page offers to pick from. */
export type SubscribeOutcome = SubscribeAnswer;

/**
 * The shows syncing together, started and finished. A refresh starts every show at once, so the
 * started set is the whole round; it empties when the last one finishes.
 */
interface SyncRound {
  started: ReadonlySet<string>;
  finished: ReadonlySet<string>;
}

const idleRound: SyncRound = { started: new Set(), finished: new Set() };

function syncStarted(round: SyncRound, feedId: string): SyncRound {
  return round.started.has(feedId) ? round : { ...round, started: new Set(round.started).add(feedId) };
}

function syncFinished(round: SyncRound, feedId: string): SyncRound {
  const started = new Set(round.started).add(feedId);
  const finished = new Set(round.finished).add(feedId);
  return finished.size >= started.size ? idleRound : { started, finished };
}

export function useLibrary(): Library {
  const [feeds, setFeeds] = useState<Feed[]>([]);
  const [changes, setChanges] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [round, setRound] = useState<SyncRound>(idleRound);
  const [requestRunning, setRequestRunning] = useState(false);
  const [refreshError, setRefreshError] = useState<string>();
  // Answers can overtake each other. One that lands after a newer one was shown is stale and
  // dropped; one that lands first is shown at once and replaced when the newer one lands. Waiting
  // for the newest instead held back the first paint of a big library by a whole extra answer
  // whenever a second reload started meanwhile (the browser host's event stream opening does that).
  const reloadSeq = useRef(0);
  const shownSeq = useRef(0);

  const reload = useCallback((): Promise<void> => {
    const seq = ++reloadSeq.current;
    setChanges(seq);
    return api
      .listFeeds({})
      .then((nextFeeds) => {
        if (seq < shownSeq.current) return;
        shownSeq.current = seq;
        setFeeds(nextFeeds);
        setLoadError(undefined);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (seq !== reloadSeq.current) return;
        setLoadError(errorText(error));
        setLoading(false);
      });
  }, []);

  useEffect(() => {
    const offs = [
      api.on('libraryChanged', () => void reload()),
      // "Has notes" is part of each episode's state in the list.
      api.on('notesChanged', () => void reload()),
      api.on('syncProgress', ({ feedId }) => setRound((now) => syncStarted(now, feedId))),
      api.on('syncResult', ({ feedId, ok }) => {
        setRound((now) => syncFinished(now, feedId));
        // A show synced since: the failure of an earlier refresh as a whole no longer holds.
        if (ok) setRefreshError(undefined);
        void reload();
      }),
    ];
    void reload();
    return () => offs.forEach((off) => off());
  }, [reload]);

  const running = useRef(false);
  const refresh = useCallback(async () => {
    // A second click while a refresh runs would only queue the same work again.
    if (running.current) return;
    running.current = true;
    setRequestRunning(true);
    setRefreshError(undefined);
    try {
      await api.refreshFeeds({});
    } catch (error) {
      setRefreshError(errorText(error));
    } finally {
      running.current = false;
      setRequestRunning(false);
      setRound(idleRound);
      await reload();
    }
  }, [reload]);

  // Whether a show was new is judged against the feeds listed before the call: the service finds
  // an existing show by its address (current or first) and answers with that same show.
  const subscribe = useCallback(
    async (url: string): Promise<SubscribeOutcome> => {
      const outcome = await api.subscribe({ url });
      await reload();
      return outcome;
    },
    [reload],
  );

  return {
    feeds,
    changes,
    loading,
    loadError,
    refreshing: requestRunning || round.started.size > 0,
    refreshError,
    refresh,
    reload,
    ...(round.started.size > 1 && { syncProgress: { done: round.finished.size, total: round.started.size } }),
    subscribe,
  };
}
