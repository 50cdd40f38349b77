/**
 * One episode's chapters, fetched as soon as the episode is known (not when playback starts): the
 * services read them from the feed, cached chapter files, the audio or the show notes, so they work
 * offline. Asked again when a sync may have brought new ones (libraryChanged) and when the service says
 * this episode's changed (chaptersChanged: a download completed or went away, or the chapters embedded
 * in the audio on the web were read after the first answer).
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
    // Answers may overtake each other; only the latest request's answer is shown.
    let latest = 0;
    const load = () => {
      const asked = ++latest;
      return api
        .getChapters({ episodeId })
        .then((chapters) => {
          if (live && asked === latest) {
            setLoaded({ id: episodeId, chapters: [...chapters].sort((a, b) => a.start - b.start) });
          }
        })
        .catch((error: unknown) => console.warn('Could not load chapters', error));
    };
    void load();
    const offLibrary = api.on('libraryChanged', () => void load());
    const offChapters = api.on('chaptersChanged', (changed) => {
      if (changed.episodeId === episodeId) void load();
    });
    return () => {
      live = false;
      offLibrary();
      offChapters();
    };
  }, [episodeId]);

  // Chapters of the previous episode never show under the next one's title.
  return loaded && loaded.id === episodeId ? loaded.chapters : none;
}
