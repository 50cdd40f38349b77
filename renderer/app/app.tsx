/**
 * The shell: top bar, the current view (library, one episode, Up next or downloads, chosen by state,
 * with browser history so Back works in the browser host), notices, dialogs and the persistent
 * player with its queue, sleep timer and per-show speed. The wiring lives in files of its own:
 * `current-view.tsx` (which view shows), `use-app-player.ts` (the player and what hangs off it),
 * `use-open-episode.ts` (opening an episode, at a moment, and the last one on start),
 * `use-shortcut-actions.ts` (what the keys do), `use-library-episodes.ts` (the library's list and
 * filters) and `app-dialogs.tsx`.
 */
import { useCallback } from 'react';
import { showArtwork } from '../components/artwork';
import { NoticeBanners } from '../components/notice-banners';
import { Toast, useToastState } from '../components/toast';
import { ToastContext } from '../components/toast-context';
import { DownloadsProvider } from '../features/downloads/downloads-context';
import { useLibrary } from '../features/library/use-library';
import { PlayerBar } from '../features/player/player-bar';
import { PlayerContext } from '../features/player/player-context';
import { QueueContext } from '../features/queue/queue-context';
import { useQueue } from '../features/queue/use-queue';
import { SettingsContext, useSettingsContext } from '../features/settings/settings-context';
import { useSettings } from '../features/settings/use-settings';
import { AppDialogs, useAppDialogs } from './app-dialogs';
import { CurrentView } from './current-view';
import { TopBar } from './top-bar';
import { useAppPlayer } from './use-app-player';
import { useLibraryEpisodes } from './use-library-episodes';
import { useNewEpisodeNotifications } from './use-new-episode-notifications';
import { useNotices } from './use-notices';
import { useOpenEpisode } from './use-open-episode';
import { useShortcutActions } from './use-shortcut-actions';
import { useTheme } from './use-theme';
import { useView } from './use-view';
import './app.css';

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
  const showToast = toast.show;
  const { view, go, show: showView, backToLibrary, showLibrary } = useView();
  const dialogs = useAppDialogs();
  const queueError = useCallback((message: string) => showToast({ text: message }), [showToast]);
  const queue = useQueue(queueError);
  const libraryEpisodes = useLibraryEpisodes({ library, settings, updateSettings, queue, showToast });
  const { player, loadedFeed, loadedNotes, navigation, sleep, showRate, pinShowSpeed } = useAppPlayer({
    settings,
    feeds: library.feeds,
    queue,
    onStateSaved: libraryEpisodes.episodes.patch,
    addNotice,
    showToast,
  });
  useTheme(settings.theme);

  const { openEpisode, openSearchHit } = useOpenEpisode({ player, go, showView, addNotice });
  const openDownloads = useCallback(() => go({ name: 'downloads' }), [go]);
  const openQueue = useCallback(() => {
    go({ name: 'queue' });
    requestAnimationFrame(() => document.getElementById('up-next-heading')?.focus());
  }, [go]);
  useNewEpisodeNotifications(settings.notifyNewEpisodes, openEpisode);

  const { composeFor, clearCompose } = useShortcutActions({
    view,
    player,
    navigation,
    settings,
    dialogOpen: dialogs.anyOpen,
    openEpisode,
    openShortcuts: () => dialogs.setShortcutsOpen(true),
    showToast,
  });

  return (
    <QueueContext.Provider value={queue}>
      <PlayerContext.Provider value={player}>
        <ToastContext.Provider value={showToast}>
          <div className={`app${player.episode ? ' app--with-player' : ''}`}>
            <TopBar
              view={view.name}
              queued={queue.items.length}
              onLibrary={backToLibrary}
              onSearchHit={openSearchHit}
              onQueue={openQueue}
              onDownloads={openDownloads}
              onShortcuts={() => dialogs.setShortcutsOpen(true)}
              onSettings={() => dialogs.setSettingsOpen(true)}
            />

            <NoticeBanners notices={notices} onDismiss={dismiss} />

            <CurrentView
              view={view}
              library={library}
              libraryEpisodes={libraryEpisodes}
              onOpenEpisode={openEpisode}
              backToLibrary={backToLibrary}
              showLibrary={showLibrary}
              onUnsubscribe={dialogs.setUnsubscribing}
              composeFor={composeFor}
              onComposeHandled={clearCompose}
            />

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

            <AppDialogs dialogs={dialogs} library={library} />
          </div>
        </ToastContext.Provider>
      </PlayerContext.Provider>
    </QueueContext.Provider>
  );
}
