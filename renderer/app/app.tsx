/**
 * The shell: top bar, the current view (library or one episode, chosen by state, with browser
 * history so Back works in the browser host), notices, settings and the persistent player.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { SettingsIcon } from '../components/icons';
import { NoticeBanners } from '../components/notice-banners';
import { EpisodeView } from '../features/episode/episode-view';
import { LibraryView } from '../features/library/library-view';
import { useLibrary } from '../features/library/use-library';
import { PlayerBar } from '../features/player/player-bar';
import { PlayerContext } from '../features/player/player-context';
import { usePlayer } from '../features/player/use-player';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { useSettings } from '../features/settings/use-settings';
import { useNotices } from './use-notices';
import { useSpaceToggle } from './use-space-toggle';
import { useTheme } from './use-theme';
import './app.css';

type View = { name: 'library' } | { name: 'episode'; id: string };

function viewFromHistory(state: unknown): View {
  const id = (state as { episodeId?: unknown } | null)?.episodeId;
  return typeof id === 'string' ? { name: 'episode', id } : { name: 'library' };
}

export function App() {
  const { settings, update: updateSettings } = useSettings();
  const library = useLibrary();
  const { notices, dismiss } = useNotices();
  const [view, setView] = useState<View>(() => viewFromHistory(history.state));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const libraryScroll = useRef(0);

  const player = usePlayer({ defaultRate: settings.playbackRate, onStateSaved: library.patchEpisodeState });
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
      history.pushState({ episodeId: id }, '');
      setView({ name: 'episode', id });
      window.scrollTo(0, 0);
    },
    [view.name],
  );

  const backToLibrary = useCallback(() => {
    if (viewFromHistory(history.state).name === 'episode') history.back();
    else setView({ name: 'library' });
  }, []);

  // Coming back to the library puts the list where the listener left it.
  useEffect(() => {
    if (view.name === 'library') window.scrollTo(0, libraryScroll.current);
  }, [view.name]);

  const feedOf = (feedId: string | undefined) => library.feeds.find((feed) => feed.id === feedId);
  const loaded = player.episode;
  const loadedFeed = feedOf(loaded?.feedId);

  return (
    <PlayerContext.Provider value={player}>
      <div className={`app${loaded ? ' app--with-player' : ''}`}>
        <header className="top-bar">
          <button type="button" className="brand" onClick={backToLibrary} aria-label="Earmark library">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name" aria-hidden="true">
              Earmark
            </span>
          </button>
          <button type="button" className="icon-button" aria-label="Settings" onClick={() => setSettingsOpen(true)}>
            <SettingsIcon />
          </button>
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
          />
        ) : (
          <LibraryView library={library} nowPlayingId={loaded?.id} onOpenEpisode={openEpisode} />
        )}

        <PlayerBar
          skipBackSeconds={settings.skipBackSeconds}
          skipForwardSeconds={settings.skipForwardSeconds}
          showArtwork={loadedFeed?.artwork}
          showTitle={loadedFeed?.title}
          onOpenEpisode={openEpisode}
        />

        <SettingsDialog
          open={settingsOpen}
          settings={settings}
          onChange={updateSettings}
          onClose={() => setSettingsOpen(false)}
        />
      </div>
    </PlayerContext.Provider>
  );
}
