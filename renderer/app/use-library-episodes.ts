/**
 * The library's episode list as the shell keeps it: the filters chosen in the library (hiding played
 * episodes is a setting), the window of rows they match, and what a row's own buttons do.
 */
import { useMemo, useState } from 'react';
import type { Settings } from '../../shared/types';
import { api, errorText } from '../api';
import type { ShowToast } from '../components/toast-context';
import { noFilters } from '../features/library/episode-filter';
import type { EpisodeRowActions } from '../features/library/episode-row';
import { useEpisodeWindow, type EpisodeQuery } from '../features/library/use-episode-window';
import type { Library } from '../features/library/use-library';
import type { Queue } from '../features/queue/use-queue';
import type { SettingsControl } from '../features/settings/settings-context';

interface LibraryEpisodesOptions {
  library: Library;
  settings: Settings;
  updateSettings: SettingsControl['update'];
  queue: Queue;
  showToast: ShowToast;
}

export function useLibraryEpisodes({ library, settings, updateSettings, queue, showToast }: LibraryEpisodesOptions) {
  const [filterState, setFilterState] = useState<Omit<EpisodeQuery, 'hidePlayed'>>(noFilters);
  // A show that was unsubscribed is no longer a filter: the list falls back to every show.
  const chosenFeed = library.feeds.some((feed) => feed.id === filterState.feedId) ? filterState.feedId : undefined;
  const { feedId: _feedId, ...quickFilters } = filterState;
  const query: EpisodeQuery = {
    ...quickFilters,
    ...(chosenFeed !== undefined && { feedId: chosenFeed }),
    hidePlayed: settings.hidePlayed,
  };
  const episodes = useEpisodeWindow(query, library.changes);

  const changeFilters = ({ hidePlayed, ...rest }: Partial<EpisodeQuery>) => {
    if (hidePlayed !== undefined) void updateSettings({ hidePlayed });
    if (Object.keys(rest).length > 0) setFilterState((current) => ({ ...current, ...rest }));
  };

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

  return { episodes, query, changeFilters, rowActions };
}
