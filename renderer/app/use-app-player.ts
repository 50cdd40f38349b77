/**
 * The window's one player and what hangs off it: downloads it plays from, a playback error as a
 * notice, per-show speed, the loaded episode's chapters (prev/next, the current title, the markers)
 * and notes, the sleep timer, what happens when an episode ends (Up next), and the OS media controls.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { EpisodeState, EpisodeWithState, Feed, Notice, Settings } from '../../shared/types';
import type { ShowToast } from '../components/toast-context';
import { useChapterNavigation } from '../features/chapters/use-chapter-navigation';
import { useChapters } from '../features/chapters/use-chapters';
import { useDownloads } from '../features/downloads/downloads-context';
import { useNotes } from '../features/notes/use-notes';
import { useMediaSession } from '../features/player/use-media-session';
import { usePlayer } from '../features/player/use-player';
import { useShowSpeed } from '../features/player/use-show-speed';
import { useSleepTimer } from '../features/player/use-sleep-timer';
import { useAutoAdvance } from '../features/queue/use-auto-advance';
import type { Queue } from '../features/queue/use-queue';

/** Chapter images may be any URL from a feed; only web ones go to the OS media panel. */
const webArtwork = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

interface AppPlayerOptions {
  settings: Settings;
  feeds: readonly Feed[];
  queue: Queue;
  /** A listening state the player saved, for the library's rows. */
  onStateSaved: (id: string, state: EpisodeState) => void;
  addNotice: (level: Notice['level'], text: string) => void;
  showToast: ShowToast;
}

export function useAppPlayer({ settings, feeds, queue, onStateSaved, addNotice, showToast }: AppPlayerOptions) {
  /** What happens when an episode ends is decided below, once the sleep timer and queue exist. */
  const endedRef = useRef<(episode: EpisodeWithState) => void>(undefined);
  const onEnded = useCallback((episode: EpisodeWithState) => endedRef.current?.(episode), []);

  const downloads = useDownloads();
  const downloaded = useMemo(
    () => ({ ready: downloads.ready, ids: downloads.completedIds }),
    [downloads.ready, downloads.completedIds],
  );
  const player = usePlayer({ defaultRate: settings.playbackRate, onStateSaved, downloaded, onEnded });

  // The player bar has room for a line or two of a playback error; the whole sentence goes in a notice.
  const playbackError = player.status === 'error' ? player.error : undefined;
  const failedTitle = player.episode?.title;
  useEffect(() => {
    if (playbackError) addNotice('error', `${failedTitle ? `${failedTitle}: ` : ''}${playbackError}`);
  }, [playbackError, failedTitle, addNotice]);

  const { showRate, pinShowSpeed } = useShowSpeed(player, feeds, showToast);

  // What the player has loaded: its chapters drive prev/next, the current title and the markers.
  const loadedChapters = useChapters(player.episode?.id);
  const loadedNotes = useNotes(player.episode?.id).notes;
  const navigation = useChapterNavigation(player, loadedChapters);
  const sleep = useSleepTimer(player, loadedChapters, (text) => showToast({ text }));

  useAutoAdvance(endedRef, {
    sleepStopped: sleep.episodeEnded,
    autoPlayNext: settings.autoPlayNext,
    queue,
    load: player.load,
    say: (text) => showToast({ text }),
    fail: (message) => addNotice('error', message),
  });

  const loadedFeed = feeds.find((feed) => feed.id === player.episode?.feedId);
  useMediaSession(player, {
    chapterTitle: navigation.current?.title,
    showTitle: loadedFeed?.title,
    artwork: webArtwork(navigation.current?.image) ?? loadedFeed?.artwork,
    skipBackSeconds: settings.skipBackSeconds,
    skipForwardSeconds: settings.skipForwardSeconds,
    previousChapter: navigation.previous,
    nextChapter: navigation.next,
  });

  return { player, loadedFeed, loadedNotes, navigation, sleep, showRate, pinShowSpeed };
}
