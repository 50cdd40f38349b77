/**
 * One episode's transcript answer, asked for as soon as the episode is known. Undefined while the
 * first answer is on its way (the page shows nothing rather than a heading that may vanish).
 */
import { useEffect, useState } from 'react';
import type { TranscriptResult } from '../../../shared/transcript-types';
import { api, errorText } from '../../api';

export function useTranscript(episodeId: string | undefined): TranscriptResult | undefined {
  const [loaded, setLoaded] = useState<{ id: string; result: TranscriptResult }>();

  useEffect(() => {
    if (!episodeId) return;
    let live = true;
    // Answers may overtake each other; only the latest request's answer is shown.
    let latest = 0;
    let ready = false;
    const show = (asked: number, result: TranscriptResult) => {
      if (!live || asked !== latest) return;
      ready = result.status === 'ready';
      setLoaded({ id: episodeId, result });
    };
    const load = () => {
      const asked = ++latest;
      api.getTranscript({ episodeId }).then(
        (result) => show(asked, result),
        (error: unknown) => show(asked, { status: 'failed', message: errorText(error) }),
      );
    };
    load();
    // A sync may bring a transcript the feed did not offer before, or make a failed one readable.
    // A ready one is kept offline by the service and does not change with a sync: not asked again.
    const off = api.on('libraryChanged', () => {
      if (!ready) load();
    });
    return () => {
      live = false;
      off();
    };
  }, [episodeId]);

  // The previous episode's transcript never shows under the next one's title.
  return loaded && loaded.id === episodeId ? loaded.result : undefined;
}
