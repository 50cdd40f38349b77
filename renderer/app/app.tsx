/**
 * The shell: top bar, the current view (library, one episode, Up next or downloads, chosen by state,
 * with browser history so Back works in the browser host), notices, settings and the persistent
 * player with its queue, sleep timer and per-show speed. On start it reopens the last episode, paused.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { DeepLink } from '../../shared/deep-link';
import type { EpisodeWithState, Feed, SearchHit } from '../../shared/types';
import { api, errorText } from '../api';
import { showArtwork } from '../components/artwork';
import { NoticeBanners } from '../components/notice-banners';
import { Toast, useToastState } from '../components/toast';
import { ToastContext } from '../components/toast-context';
import { useChapterNavigation } from '../features/chapters/use-chapter-navigation';
import { useChapters } from '../features/chapters/use-chapters';
import { DownloadsProvider, useDownloads } from '../features/downloads/downloads-context';
import { DownloadsView } from '../features/downloads/downloads-view';
import { EpisodeView } from '../features/episode/episode-view';
import { noFilters } from '../features/library/episode-filter';
import type { EpisodeRowActions } from '../features/library/episode-row';
import { LibraryView } from '../features/library/library-view';
import { UnsubscribeDialog } from '../features/library/unsubscribe-dialog';
import { useEpisodeWindow, type EpisodeQuery } from '../features/library/use-episode-window';
import { useLibrary } from '../features/library/use-library';
import { PlayerBar } from '../features/player/player-bar';
import { PlayerContext } from '../features/player/player-context';
import { useMediaSession } from '../features/player/use-media-session';
import { usePlayer } from '../features/player/use-player';
import { useShowSpeed } from '../features/player/use-show-speed';
import { useSleepTimer } from '../features/player/use-sleep-timer';
import { playFromQueue } from '../features/queue/play-from-queue';
import { QueueContext } from '../features/queue/queue-context';
import { UpNextView } from '../features/queue/up-next-view';
import { useAutoAdvance } from '../features/queue/use-auto-advance';
import { useQueue } from '../features/queue/use-queue';
import { useMark } from '../features/notes/use-mark';
import { useNotes } from '../features/notes/use-notes';
import { hitMoment } from '../features/search/search-results';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { SettingsContext, useSettingsContext } from '../features/settings/settings-context';
import { useSettings } from '../features/settings/use-settings';
import { useDeepLink } from './use-deep-link';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TopBar } from './top-bar';
import { useNewEpisodeNotifications } from './use-new-episode-notifications';
import { useNotices } from './use-notices';
import { useShortcuts } from './use-shortcuts';
import { useSpaceToggle } from './use-space-toggle';
import { useTheme } from './use-theme';
import { useView } from './use-view';
import './app.css';

/** Chapter images may be any URL from a feed; only web ones go to the OS media panel. */
const webArtwork = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function App() {
  return (
    <SettingsContext value={useSettings()}>
      <DownloadsProvider>
        <Shell />
      </DownloadsProvider>
    </SettingsContext>
  );
}

function Shell() {
  const { settings, update: updateSettings } = useSettingsContext();
  const library = useLibrary();
  const { notices, dismiss, add: addNotice } = useNotices();
  const toast = useToastState();
  const { view, go, show: showView, backToLibrary, showLibrary } = useView();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [unsubscribing, setUnsubscribing] = useState<Feed>();
  const [filterState, setFilterState] = useState<Omit<EpisodeQuery, 'hidePlayed'>>(noFilters);
  // A show that was unsubscribed is no longer a filter: the list falls back to every show.
  const chosenFeed = library.feeds.some((feed) => feed.id === filterState.feedId) ? filterState.feedId : undefined;
  const { feedId: _feedId, ...quickFilters } = filterState;
  const episodeQuery: EpisodeQuery = {
    ...quickFilters,
    ...(chosenFeed !== undefined && { feedId: chosenFeed }),
    hidePlayed: settings.hidePlayed,
  };
  const episodes = useEpisodeWindow(episodeQuery, library.changes);
  const dialogOpen = settingsOpen || shortcutsOpen || unsubscribing !== undefined;
  const showToast = toast.show;
  const queueError = useCallback((message: string) => showToast({ text: message }), [showToast]);
  const queue = useQueue(queueError);
  /** What happens when an episode ends is decided below, once the sleep timer and queue exist. */
  const endedRef = useRef<(episode: EpisodeWithState) => void>(undefined);
  const onEnded = useCallback((episode: EpisodeWithState) => endedRef.current?.(episode), []);

  const downloads = useDownloads();
  const downloaded = useMemo(
    () => ({ ready: downloads.ready, ids: downloads.completedIds }),
    [downloads.ready, downloads.completedIds],
  );
  const player = usePlayer({
    defaultRate: settings.playbackRate,
    onStateSaved: episodes.patch,
    downloaded,
    onEnded,
  });

  // The player bar has room for a line or two of a playback error; the whole sentence goes in a notice.
  const playbackError = player.status === 'error' ? player.error : undefined;
  const failedTitle = player.episode?.title;
  useEffect(() => {
    if (playbackError) addNotice('error', `${failedTitle ? `${failedTitle}: ` : ''}${playbackError}`);
  }, [playbackError, failedTitle, addNotice]);

  useTheme(settings.theme);
  useSpaceToggle(Boolean(player.episode) && !dialogOpen, player.toggle);

  const { showRate, pinShowSpeed } = useShowSpeed(player, library.feeds, showToast);

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
  const openDownloads = useCallback(() => go({ name: 'downloads' }), [go]);
  const openQueue = useCallback(() => {
    go({ name: 'queue' });
    requestAnimationFrame(() => document.getElementById('up-next-heading')?.focus());
  }, [go]);

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

  // What the player has loaded: its chapters drive prev/next, the current title and the markers.
  const loadedChapters = useChapters(player.episode?.id);
  const loadedNotes = useNotes(player.episode?.id).notes;
  const navigation = useChapterNavigation(player, loadedChapters);
  const mark = useMark(settings.markBackSeconds, toast.show);
  const sleep = useSleepTimer(player, loadedChapters, (text) => toast.show({ text }));

  useAutoAdvance(endedRef, {
    sleepStopped: sleep.episodeEnded,
    autoPlayNext: settings.autoPlayNext,
    queue,
    load,
    say: (text) => toast.show({ text }),
    fail: (message) => addNotice('error', message),
  });

  const { patch: patchEpisodeState } = episodes;
  const rowActions = useMemo<EpisodeRowActions>(
    () => ({
      toggleQueued: (episode, queued) => {
        if (queued) void queue.remove(episode.id);
        else {
          void queue.add(episode.id, 'end');
          showToast({ text: `Added to Up next: ${episode.title}` });
        }
      },
      togglePlayed: (episode) => {
        const played = !episode.state.played;
        api
          .setEpisodeState(played ? { id: episode.id, played } : { id: episode.id, played, position: 0 })
          .then((state) => patchEpisodeState(episode.id, state))
          .catch((error: unknown) => showToast({ text: `Couldn't save: ${errorText(error)}` }));
      },
    }),
    [queue, showToast, patchEpisodeState],
  );

  useNewEpisodeNotifications(settings.notifyNewEpisodes, openEpisode);
  const [composeFor, setComposeFor] = useState<string>();
  const clearCompose = useCallback(() => setComposeFor(undefined), []);

  useShortcuts({
    note: () => {
      const target = view.name === 'episode' ? view.id : player.episode?.id;
      if (!target || dialogOpen) return;
      openEpisode(target);
      setComposeFor(target);
    },
    mark: () => {
      if (dialogOpen) return;
      if (player.episode) void mark(player.episode.id, player.now());
      else toast.show({ text: 'Play an episode to mark a moment in it' });
    },
    previousChapter: navigation.previous,
    nextChapter: navigation.next,
    search: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
    skipBack: () => !dialogOpen && player.episode && player.skip(-settings.skipBackSeconds),
    skipForward: () => !dialogOpen && player.episode && player.skip(settings.skipForwardSeconds),
    help: () => !dialogOpen && setShortcutsOpen(true),
    playPause: () => player.episode && player.toggle(),
  });

  const feedOf = (feedId: string | undefined) => library.feeds.find((feed) => feed.id === feedId);
  const loaded = player.episode;
  const loadedFeed = feedOf(loaded?.feedId);

  useMediaSession(player, {
    chapterTitle: navigation.current?.title,
    showTitle: loadedFeed?.title,
    artwork: webArtwork(navigation.current?.image) ?? loadedFeed?.artwork,
    skipBackSeconds: settings.skipBackSeconds,
    skipForwardSeconds: settings.skipForwardSeconds,
    previousChapter: navigation.previous,
    nextChapter: navigation.next,
  });

  const unsubscribe = async (feed: Feed, deleteDownloads: boolean) => {
    const result = await api.unsubscribe({ feedId: feed.id, deleteDownloads });
    await library.reload();
    const files = deleteDownloads && result.removedDownloads > 0 ? ` and ${result.removedDownloads} downloads` : '';
    toast.show({ text: `Unsubscribed from ${feed.title || feed.url}${files}. Your notes are kept.` });
  };
  const unsubscribingDownloads = unsubscribing
    ? [...downloads.byId.values()].filter((d) => d.feedId === unsubscribing.id && d.state === 'completed').length
    : 0;

  return (
    <QueueContext.Provider value={queue}>
      <PlayerContext.Provider value={player}>
        <ToastContext.Provider value={toast.show}>
          <div className={`app${loaded ? ' app--with-player' : ''}`}>
            <TopBar
              view={view.name}
              queued={queue.items.length}
              onLibrary={backToLibrary}
              onSearchHit={openSearchHit}
              onQueue={openQueue}
              onDownloads={openDownloads}
              onShortcuts={() => setShortcutsOpen(true)}
              onSettings={() => setSettingsOpen(true)}
            />

            <NoticeBanners notices={notices} onDismiss={dismiss} />

            {view.name === 'episode' ? (
              <EpisodeView
                key={view.id}
                episodeId={view.id}
                initial={episodes.find(view.id)}
                feeds={library.feeds}
                onBack={backToLibrary}
                onStateChanged={episodes.patch}
                markBackSeconds={settings.markBackSeconds}
                composeRequested={composeFor === view.id}
                onComposeHandled={clearCompose}
              />
            ) : view.name === 'downloads' ? (
              <DownloadsView
                feeds={library.feeds}
                settings={settings}
                onOpenEpisode={openEpisode}
                onBack={showLibrary}
              />
            ) : view.name === 'queue' ? (
              <UpNextView
                feeds={library.feeds}
                nowPlayingId={loaded?.id}
                onOpenEpisode={openEpisode}
                onPlay={(episode) => playFromQueue(player, queue, episode)}
                onBack={showLibrary}
              />
            ) : (
              <LibraryView
                library={library}
                episodes={episodes}
                nowPlayingId={loaded?.id}
                onOpenEpisode={openEpisode}
                filters={episodeQuery}
                onFiltersChange={({ hidePlayed, ...rest }) => {
                  if (hidePlayed !== undefined) void updateSettings({ hidePlayed });
                  if (Object.keys(rest).length > 0) setFilterState((current) => ({ ...current, ...rest }));
                }}
                actions={rowActions}
                queuedIds={queue.ids}
                onUnsubscribe={setUnsubscribing}
              />
            )}

            <PlayerBar
              showArtwork={showArtwork(loadedFeed)}
              showTitle={loadedFeed?.title}
              navigation={navigation}
              notes={loadedNotes}
              onOpenEpisode={openEpisode}
              sleep={sleep}
              showSpeed={showRate}
              onPinShowSpeed={pinShowSpeed}
            />

            <Toast toast={toast.toast} onHide={toast.hide} />

            <SettingsDialog
              open={settingsOpen}
              feeds={library.feeds}
              onClose={() => setSettingsOpen(false)}
              onLibraryChanged={() => void library.reload()}
            />

            <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />

            <UnsubscribeDialog
              feed={unsubscribing}
              downloadCount={unsubscribingDownloads}
              onConfirm={unsubscribe}
              onClose={() => setUnsubscribing(undefined)}
            />
          </div>
        </ToastContext.Provider>
      </PlayerContext.Provider>
    </QueueContext.Provider>
  );
}
