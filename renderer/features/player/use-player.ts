/**
 * The player for React: one `PlayerEngine` per window (see player-engine.ts for how it plays and
 * where it reads from), its snapshot read with useSyncExternalStore. What needs React or the page
 * lives here: handing the engine the latest callbacks and completed downloads, and saving the
 * position when the page goes away. Components read `Player` from the player context.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { EpisodeState, EpisodeWithState } from '../../../shared/types';
import { api, mediaUrl } from '../../api';
import { PlayerEngine } from './player-engine';
import type { Downloaded, PlayerActions, PlayerEnvironment, PlayerState } from './player-types';

export type { PlayerActions, PlayerState, PlayerStatus } from './player-types';

export type Player = PlayerState & PlayerActions;

interface Options {
  defaultRate: number;
  /** Called after listening state was saved, so lists can show it without reloading. */
  onStateSaved?: (episodeId: string, state: EpisodeState) => void;
  /** Completed downloads; before `ready`, an episode's own `download` field decides. */
  downloaded?: Downloaded;
  /** The audio reached its end (after the end was saved): auto-advance and the sleep timer hook in here. */
  onEnded?: (episode: EpisodeWithState) => void;
}

function createEngine(defaultRate: number, downloaded: Downloaded | undefined): PlayerEngine {
  const environment: PlayerEnvironment = {
    saveState: (input) => api.setEpisodeState(input),
    mediaUrl,
    storage: localStorage,
    offline: () => navigator.onLine === false,
  };
  return new PlayerEngine(environment, { defaultRate, downloaded });
}

export function usePlayer({ defaultRate, onStateSaved, downloaded, onEnded }: Options): Player {
  const [engine] = useState(() => createEngine(defaultRate, downloaded));
  const state = useSyncExternalStore(engine.subscribe, engine.getSnapshot);

  useEffect(() => engine.setCallbacks({ onStateSaved, onEnded }), [engine, onStateSaved, onEnded]);
  // A download of the loaded episode completed or was removed: the engine changes source.
  useEffect(() => engine.setDownloaded(downloaded), [engine, downloaded]);

  // Leaving the page (closing the window) must not lose the last few seconds.
  useEffect(() => {
    const onVisibility = () => document.visibilityState === 'hidden' && engine.flush();
    window.addEventListener('pagehide', engine.flush);
    document.addEventListener('visibilitychange', onVisibility);
    // The desktop app asks before it closes its windows, while this page can still be heard.
    const stopQuitting = api.on('appQuitting', engine.flush);
    return () => {
      window.removeEventListener('pagehide', engine.flush);
      document.removeEventListener('visibilitychange', onVisibility);
      stopQuitting();
    };
  }, [engine]);

  useEffect(() => () => engine.dispose(), [engine]);

  return useMemo(() => {
    const { load, play, pause, toggle, seek, skip, setRate, setVolume, setMuted, now } = engine;
    return { ...state, load, play, pause, toggle, seek, skip, setRate, setVolume, setMuted, now };
  }, [engine, state]);
}
