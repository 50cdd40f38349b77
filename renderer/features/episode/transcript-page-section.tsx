/**
 * The episode page's transcript: the Transcript feature given the player's time (only while this
 * episode is the one in the player) and what a jump and a quote do here. Selected words become a note
 * at their paragraph's time that quotes them; a toast says so.
 */
import { useCallback } from 'react';
import { formatTimestamp } from '../../../shared/time';
import { errorText } from '../../api';
import { useToast } from '../../components/toast-context';
import { usePlayerContext } from '../player/player-context';
import { TranscriptSection, type TranscriptQuote } from '../transcript/transcript-section';
import type { EpisodeSectionProps } from './episode-page';

export function TranscriptPageSection({ page: { episode, notes, isLoaded, jump } }: EpisodeSectionProps) {
  const player = usePlayerContext();
  const toast = useToast();
  const { add } = notes;
  const quote = useCallback(
    ({ at, text }: TranscriptQuote) => {
      add(at, '', text).then(
        (note) => toast({ text: `Note added at ${formatTimestamp(note.at)}, quoting the transcript` }),
        (failure: unknown) => toast({ text: `Couldn't add the note: ${errorText(failure)}` }),
      );
    },
    [add, toast],
  );
  return (
    <TranscriptSection
      episodeId={episode.id}
      position={isLoaded ? player.position : undefined}
      onJump={jump}
      onQuote={quote}
    />
  );
}
