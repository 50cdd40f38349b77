/**
 * The screen below the top bar, as `useView` chose it: one episode, Downloads, Up next, or the
 * library (the default).
 */
import type { Feed } from '../../shared/types';
import { DownloadsView } from '../features/downloads/downloads-view';
import { EpisodeView } from '../features/episode/episode-view';
import { LibraryView } from '../features/library/library-view';
import type { Library } from '../features/library/use-library';
import { usePlayerContext } from '../features/player/player-context';
import { playFromQueue } from '../features/queue/play-from-queue';
import { useQueueContext } from '../features/queue/queue-context';
import { UpNextView } from '../features/queue/up-next-view';
import { useSettingsContext } from '../features/settings/settings-context';
import type { useLibraryEpisodes } from './use-library-episodes';
import type { View } from './use-view';

interface CurrentViewProps {
  view: View;
  library: Library;
  libraryEpisodes: ReturnType<typeof useLibraryEpisodes>;
  onOpenEpisode: (id: string) => void;
  /** Back through history when that leads to the library (the episode page). */
  backToLibrary: () => void;
  /** The library as a new history entry (Downloads and Up next). */
  showLibrary: () => void;
  onUnsubscribe: (feed: Feed) => void;
  /** The episode whose note box the "N" shortcut asked for. */
  composeFor?: string;
  onComposeHandled: () => void;
}

export function CurrentView({
  view,
  library,
  libraryEpisodes,
  onOpenEpisode,
  backToLibrary,
  showLibrary,
  onUnsubscribe,
  composeFor,
  onComposeHandled,
}: CurrentViewProps) {
  const { settings } = useSettingsContext();
  const player = usePlayerContext();
  const queue = useQueueContext();
  const { episodes, query, changeFilters, rowActions } = libraryEpisodes;
  const nowPlayingId = player.episode?.id;

  switch (view.name) {
    case 'episode':
      return (
        <EpisodeView
          key={view.id}
          episodeId={view.id}
          initial={episodes.find(view.id)}
          feeds={library.feeds}
          onBack={backToLibrary}
          onStateChanged={episodes.patch}
          markBackSeconds={settings.markBackSeconds}
          composeRequested={composeFor === view.id}
          onComposeHandled={onComposeHandled}
        />
      );
    case 'downloads':
      return (
        <DownloadsView feeds={library.feeds} settings={settings} onOpenEpisode={onOpenEpisode} onBack={showLibrary} />
      );
    case 'queue':
      return (
        <UpNextView
          feeds={library.feeds}
          nowPlayingId={nowPlayingId}
          onOpenEpisode={onOpenEpisode}
          onPlay={(episode) => playFromQueue(player, queue, episode)}
          onBack={showLibrary}
        />
      );
    default:
      return (
        <LibraryView
          library={library}
          episodes={episodes}
          nowPlayingId={nowPlayingId}
          onOpenEpisode={onOpenEpisode}
          filters={query}
          onFiltersChange={changeFilters}
          actions={rowActions}
          queuedIds={queue.ids}
          onUnsubscribe={onUnsubscribe}
        />
      );
  }
}
