/**
 * The episode page's episode: what the library already knew at once, then the service's answer;
 * and putting it in the player when it opens.
 */
import { useEffect, useState } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { api, errorText } from '../../api';
import { hasAudio } from '../../lib/has-audio';
import { usePlayerContext } from '../player/player-context';

export function useEpisode(episodeId: string, initial: EpisodeWithState | undefined) {
  const [episode, setEpisode] = useState<EpisodeWithState | undefined>(initial);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    api
      .getEpisode({ id: episodeId })
      .then((fresh) => live && setEpisode(fresh))
      .catch((failure: unknown) => live && setError(errorText(failure)));
    return () => {
      live = false;
    };
  }, [episodeId]);

  return { episode, setEpisode, error, setError };
}

/**
 * Puts the opened episode in the player, unless the listener is in the middle of another one:
 * playing it, or paused part-way (as AntennaPod and Pocket Casts do, browsing never takes the
 * player away from a paused episode; "Listen now" / "Resume from …" on the page swaps it on purpose).
 */
export function useLoadWhenOpened(episode: EpisodeWithState | undefined) {
  const player = usePlayerContext();
  const { load, playing } = player;
  useEffect(() => {
    const held = player.episode && player.episode.id !== episode?.id;
    const inTheMiddle =
      held && (playing || (player.status !== 'error' && player.status !== 'ended' && player.position >= 1));
    // An episode without audio would only put an error in the player bar; the header says why instead.
    if (episode && hasAudio(episode) && !inTheMiddle) load(episode);
    // Only when a (different) episode arrives, not on every play/pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [episode?.id, load]);
}
