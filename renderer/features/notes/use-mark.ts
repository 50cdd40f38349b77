/**
 * "Mark what I just heard": an empty note a few seconds back (settings.markBackSeconds), because
 * the moment worth keeping has usually just passed when the listener reacts. Confirmed by a toast
 * with Undo, since a stray key press should cost nothing.
 */
import { useCallback } from 'react';
import { formatTimestamp } from '../../../shared/time';
import { api, errorText } from '../../api';
import type { ShowToast } from '../../components/toast-context';

/** `toast` is passed in: the app shell calls this above its own toast provider. */
export function useMark(markBackSeconds: number, toast: ShowToast): (episodeId: string, now: number) => Promise<void> {
  return useCallback(
    async (episodeId, now) => {
      const at = Math.max(0, now - Math.max(0, markBackSeconds));
      try {
        const note = await api.addNote({ episodeId, at, text: '' });
        toast({
          text: `Marked ${formatTimestamp(note.at)}`,
          action: { label: 'Undo', run: () => void api.deleteNote({ id: note.id }).catch(() => undefined) },
        });
      } catch (failure) {
        toast({ text: `Couldn't mark this moment: ${errorText(failure)}` });
      }
    },
    [markBackSeconds, toast],
  );
}
