/**
 * One episode's chapters, fetched as soon as the episode is known (not when playback starts): the
 * services read them from the feed, cached chapter files or the show notes, so they work offline.
 */
import { useEffect, useState } from 'react';
import type { Chapter } from '../../../shared/types';
import { api } from '../../api';

const none: Chapter[] = [];

export function useChapters(episodeId: string | undefined): Chapter[] {
  const [loaded, setLoaded] = useState<{ id: string; chapters: Chapter[] }>();

  useEffect(() => {
    if (!episodeId) return;
    let live = true;
    const load = () =>
      api
        .getChapters({ episodeId })
        .then(
          (chapters) => live && setLoaded({ id: episodeId, chapters: [...chapters].sort((a, b) => a.start - b.start) }),
        )
        .catch((error: unknown) => console.warn('Could not load chapters', error));
    void load();
    // A sync can bring a chapters file or new show notes.
    const off = api.on('libraryChanged', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [episodeId]);

  // Chapters of the previous episode never show under the next one's title.
  return loaded && loaded.id === episodeId ? loaded.chapters : none;
}
