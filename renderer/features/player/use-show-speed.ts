/**
 * Speed per show: each episode starts at its show's speed (settings.speedByFeed), else the default
 * speed, and a new default applies at once. Pinning moves the show's speed; moving a pin from the
 * speed menu is said aloud, as the listener may not have meant the show.
 */
import { useCallback, useEffect } from 'react';
import type { Feed } from '../../../shared/types';
import type { ShowToast } from '../../components/toast-context';
import { useSettingsContext } from '../settings/settings-context';
import { formatRate } from './speed-control';
import type { Player } from './use-player';

export function useShowSpeed(player: Pick<Player, 'episode' | 'setRate'>, feeds: readonly Feed[], say: ShowToast) {
  const { settings, update } = useSettingsContext();
  const { setRate } = player;
  const loadedEpisodeId = player.episode?.id;
  const loadedFeedId = player.episode?.feedId;
  const showRate = loadedFeedId ? settings.speedByFeed[loadedFeedId] : undefined;
  useEffect(
    () => setRate(showRate ?? settings.playbackRate),
    [showRate, settings.playbackRate, loadedEpisodeId, setRate],
  );
  const pinShowSpeed = useCallback(
    (rate: number | undefined) => {
      if (!loadedFeedId) return;
      const { [loadedFeedId]: old, ...others } = settings.speedByFeed;
      void update({ speedByFeed: rate === undefined ? others : { ...others, [loadedFeedId]: rate } });
      const show = feeds.find((feed) => feed.id === loadedFeedId)?.title;
      if (old !== undefined && rate !== undefined && show) say({ text: `${show} now plays at ${formatRate(rate)}` });
    },
    [loadedFeedId, settings.speedByFeed, update, feeds, say],
  );
  return { showRate, pinShowSpeed };
}
