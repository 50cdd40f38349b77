/**
 * The shell: top bar, the current view (library, one episode or downloads, chosen by state, with browser
 * history so Back works in the browser host), notices, settings and the persistent player.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeepLink } from '../../shared/deep-link';
import type { SearchHit } from '../../shared/types';
import { api, errorText } from '../api';
import { DownloadIcon, SettingsIcon } from '../components/icons';
import { NoticeBanners } from '../components/notice-banners';
import { Toast, useToastState } from '../components/toast';
import { ToastContext } from '../components/toast-context';
import { useChapterNavigation } from '../features/chapters/use-chapter-navigation';
import { useChapters } from '../features/chapters/use-chapters';
import { DownloadsProvider, useDownloads } from '../features/downloads/downloads-context';
import { DownloadsView } from '../features/downloads/downloads-view';
import { EpisodeView } from '../features/episode/episode-view';
import { LibraryView } from '../features/library/library-view';
import { useLibrary } from '../features/library/use-library';
import { PlayerBar } from '../features/player/player-bar';
import { PlayerContext } from '../features/player/player-context';
import { useMediaSession } from '../features/player/use-media-session';
import { usePlayer } from '../features/player/use-player';
import { useMark } from '../features/notes/use-mark';
import { useNotes } from '../features/notes/use-notes';
import { SearchBox } from '../features/search/search-box';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { useSettings } from '../features/settings/use-settings';
import { useDeepLink } from './use-deep-link';
import { useNotices } from './use-notices';
import { useShortcuts } from './use-shortcuts';
import { useSpaceToggle } from './use-space-toggle';
import { useTheme } from './use-theme';
import './app.css';

/** Chapter images may be any URL from a feed; only web ones go to the OS media panel. */
const webArtwork = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

type View = { name: 'library' } | { name: 'episode'; id: string } | { name: 'downloads' };

function viewFromHistory(state: unknown): View {
  const saved = state as { episodeId?: unknown; view?: unknown } | null;
  if (typeof saved?.episodeId === 'string') return { name: 'episode', id: saved.episodeId };
  return saved?.view === 'downloads' ? { name: 'downloads' } : { name: 'library' };
}

export function App() {
  return (
    <DownloadsProvider>
      <Shell />
    </DownloadsProvider>
  );
}

function Shell() {
  const { settings, update: updateSettings } = useSettings();
  const library = useLibrary();
  const { notices, dismiss, add: addNotice } = useNotices();
  const toast = useToastState();
  const [view, setView] = useState<View>(() => viewFromHistory(history.state));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const libraryScroll = useRef(0);

  const downloads = useDownloads();
  const downloaded = useMemo(
    () => ({ ready: downloads.ready, ids: downloads.completedIds }),
    [downloads.ready, downloads.completedIds],
  );
  const player = usePlayer({
    defaultRate: settings.playbackRate,
    onStateSaved: library.patchEpisodeState,
    downloaded,
  });
  useTheme(settings.theme);
  useSpaceToggle(Boolean(player.episode) && !settingsOpen, player.toggle);

  // A new default speed applies to the player at once (and is what it starts with).
  const { setRate } = player;
  useEffect(() => setRate(settings.playbackRate), [settings.playbackRate, setRate]);

  useEffect(() => {
    const onPop = (event: PopStateEvent) => setView(viewFromHistory(event.state));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const openEpisode = useCallback(
    (id: string) => {
      if (view.name === 'library') libraryScroll.current = window.scrollY;
      if (view.name !== 'episode' || view.id !== id) history.pushState({ episodeId: id }, '');
      setView({ name: 'episode', id });
      window.scrollTo(0, 0);
    },
    [view],
  );

  const openDownloads = useCallback(() => {
    if (view.name === 'library') libraryScroll.current = window.scrollY;
    if (view.name !== 'downloads') history.pushState({ view: 'downloads' }, '');
    setView({ name: 'downloads' });
    window.scrollTo(0, 0);
  }, [view]);

  /** Shows an episode and puts it in the player at a moment, paused (search hits, links). */
  const { load } = player;
  const openAt = useCallback(
    async (id: string, at: number | undefined, push: boolean) => {
      if (push) openEpisode(id);
      else setView({ name: 'episode', id });
      try {
        const episode = await api.getEpisode({ id });
        if (at !== undefined) load(episode, { at });
      } catch (failure) {
        setView({ name: 'library' });
        addNotice('error', `Couldn't open that episode: ${errorText(failure)}`);
      }
    },
    [openEpisode, load, addNotice],
  );

  useDeepLink(
    (link: DeepLink) => void openAt(link.episodeId, link.t, false),
    (message) => addNotice('warning', message),
  );

  const openSearchHit = (episodeId: string, hit: SearchHit) =>
    void openAt(episodeId, hit.kind === 'note' || hit.kind === 'chapter' ? hit.at : undefined, true);

  // What the player has loaded: its chapters drive prev/next, the current title and the markers.
  const loadedChapters = useChapters(player.episode?.id);
  const loadedNotes = useNotes(player.episode?.id).notes;
  const navigation = useChapterNavigation(player, loadedChapters);
  const mark = useMark(settings.markBackSeconds, toast.show);
  const [composeFor, setComposeFor] = useState<string>();
  const clearCompose = useCallback(() => setComposeFor(undefined), []);

  useShortcuts({
    note: () => {
      const target = view.name === 'episode' ? view.id : player.episode?.id;
      if (!target || settingsOpen) return;
      openEpisode(target);
      setComposeFor(target);
    },
    mark: () => {
      if (settingsOpen) return;
      if (player.episode) void mark(player.episode.id, player.now());
      else toast.show({ text: 'Play an episode to mark a moment in it' });
    },
    previousChapter: navigation.previous,
    nextChapter: navigation.next,
    search: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
  });

  const backToLibrary = useCallback(() => {
    if (viewFromHistory(history.state).name !== 'library') history.back();
    else setView({ name: 'library' });
  }, []);

  /** "Back to library" from the Downloads view, which may have been opened from an episode. */
  const showLibrary = useCallback(() => {
    history.pushState(null, '');
    setView({ name: 'library' });
  }, []);

  // Coming back to the library puts the list where the listener left it.
  useEffect(() => {
    if (view.name === 'library') window.scrollTo(0, libraryScroll.current);
  }, [view.name]);

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

  return (
    <PlayerContext.Provider value={player}>
      <ToastContext.Provider value={toast.show}>
        <div className={`app${loaded ? ' app--with-player' : ''}`}>
          <header className="top-bar">
            <button type="button" className="brand" onClick={backToLibrary} aria-label="Earmark library">
              <span className="brand__mark" aria-hidden="true" />
              <span className="brand__name" aria-hidden="true">
                Earmark
              </span>
            </button>
            <SearchBox onOpen={openSearchHit} />
            <div className="top-bar__actions">
              <DownloadsButton current={view.name === 'downloads'} onOpen={openDownloads} />
              <button type="button" className="icon-button" aria-label="Settings" onClick={() => setSettingsOpen(true)}>
                <SettingsIcon />
              </button>
            </div>
          </header>

          <NoticeBanners notices={notices} onDismiss={dismiss} />

          {view.name === 'episode' ? (
            <EpisodeView
              key={view.id}
              episodeId={view.id}
              initial={library.episodes.find((episode) => episode.id === view.id)}
              feed={feedOf(library.episodes.find((episode) => episode.id === view.id)?.feedId)}
              onBack={backToLibrary}
              onStateChanged={library.patchEpisodeState}
              markBackSeconds={settings.markBackSeconds}
              composeRequested={composeFor === view.id}
              onComposeHandled={clearCompose}
            />
          ) : view.name === 'downloads' ? (
            <DownloadsView
              episodes={library.episodes}
              feeds={library.feeds}
              settings={settings}
              onOpenEpisode={openEpisode}
              onBack={showLibrary}
            />
          ) : (
            <LibraryView library={library} nowPlayingId={loaded?.id} onOpenEpisode={openEpisode} />
          )}

          <PlayerBar
            skipBackSeconds={settings.skipBackSeconds}
            skipForwardSeconds={settings.skipForwardSeconds}
            showArtwork={loadedFeed?.artwork}
            showTitle={loadedFeed?.title}
            navigation={navigation}
            notes={loadedNotes}
            onOpenEpisode={openEpisode}
          />

          <Toast toast={toast.toast} onHide={toast.hide} />

          <SettingsDialog
            open={settingsOpen}
            settings={settings}
            feeds={library.feeds}
            onChange={updateSettings}
            onClose={() => setSettingsOpen(false)}
          />
        </div>
      </ToastContext.Provider>
    </PlayerContext.Provider>
  );
}

/**
 * The header's way to the Downloads view; a count shows while something downloads. The button's
 * name stays exactly "Downloads" (the count is a description, outside the name).
 */
function DownloadsButton({ current, onOpen }: { current: boolean; onOpen: () => void }) {
  const { byId } = useDownloads();
  const active = [...byId.values()].filter((d) => d.state === 'downloading' || d.state === 'queued').length;
  return (
    <>
      <button
        type="button"
        className="button button--quiet top-bar__downloads"
        aria-current={current ? 'page' : undefined}
        aria-describedby={active > 0 ? 'downloads-active' : undefined}
        onClick={onOpen}
      >
        <DownloadIcon />
        Downloads
        {active > 0 && (
          <span className="top-bar__badge" aria-hidden="true">
            {active}
          </span>
        )}
      </button>
      {active > 0 && (
        <span id="downloads-active" className="visually-hidden">
          {active === 1 ? '1 episode downloading' : `${active} episodes downloading`}
        </span>
      )}
    </>
  );
}
