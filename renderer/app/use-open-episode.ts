/**
 * Opening an episode: from a list (a new history entry), at a moment (search hits and earmark:// links
 * put it in the player there, paused), and on start the episode listened to last, waiting in the
 * player paused where it stopped.
 */
import { useCallback, useEffect, useEffectEvent, useRef } from 'react';
import type { DeepLink } from '../../shared/deep-link';
import type { EpisodeWithState, Notice, SearchHit } from '../../shared/types';
import { api, errorText } from '../api';
import type { Player } from '../features/player/use-player';
import { hitMoment } from '../features/search/search-results';
import { useDeepLink } from './use-deep-link';
import type { View } from './use-view';

interface OpenEpisodeOptions {
  player: Player;
  /** Opens a screen as a new history entry. */
  go: (view: View) => void;
  /** Shows a screen in place of this history entry's. */
  showView: (view: View) => void;
  addNotice: (level: Notice['level'], text: string) => void;
}

export function useOpenEpisode({ player, go, showView, addNotice }: OpenEpisodeOptions) {
  // On start, the episode listened to last waits in the player, paused where it stopped.
  const { load } = player;
  const openedAtMoment = useRef(false);
  const restore = useEffectEvent((lastEpisode: EpisodeWithState) => {
    // A link that opened at startup wins over the last episode, whichever answer comes first.
    if (!player.episode && !openedAtMoment.current) load(lastEpisode);
  });
  useEffect(() => {
    let live = true;
    api
      .getSession({})
      .then(({ lastEpisode }) => {
        if (live && lastEpisode) restore(lastEpisode);
      })
      .catch((error: unknown) => console.warn('Could not restore the last episode', error));
    return () => {
      live = false;
    };
  }, []);

  const openEpisode = useCallback((id: string) => go({ name: 'episode', id }), [go]);

  /**
   * Shows an episode and puts it in the player at a moment, paused (search hits, links). The player
   * gets the episode before the view opens, so the view's own load finds it there and keeps the
   * moment (the other order would race two loads of the same episode).
   */
  const openAtSeq = useRef(0);
  const openAt = useCallback(
    async (id: string, at: number | undefined, push: boolean) => {
      const show = () => (push ? openEpisode(id) : showView({ name: 'episode', id }));
      if (at === undefined) return show();
      // Only the newest of several quick clicks or links may open.
      const seq = ++openAtSeq.current;
      try {
        const episode = await api.getEpisode({ id });
        if (seq !== openAtSeq.current) return;
        openedAtMoment.current = true;
        load(episode, { at });
      } catch (failure) {
        if (seq === openAtSeq.current) addNotice('error', `Couldn't open that episode: ${errorText(failure)}`);
        return;
      }
      show();
    },
    [openEpisode, showView, load, addNotice],
  );

  useDeepLink(
    (link: DeepLink) => void openAt(link.episodeId, link.t, false),
    (message) => addNotice('warning', message),
  );

  const openSearchHit = (episodeId: string, hit: SearchHit) => void openAt(episodeId, hitMoment(hit), true);

  return { openEpisode, openSearchHit };
}
