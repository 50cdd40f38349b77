/**
 * The end of an episode: the sleep timer may stop playback here ("End of episode"); otherwise, when
 * "Play the next episode in Up next" is on, the first one in Up next plays. The player takes its
 * end-of-episode callback when it is made, before the sleep timer and the queue exist, so it calls
 * through `endedRef`, which this hook points at the newest closure after every render.
 */
import { useEffect, type RefObject } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { errorText } from '../../api';
import type { PlayerActions } from '../player/use-player';
import type { Queue } from './use-queue';

interface AutoAdvance {
  /** True when the sleep timer stopped playback at this end. */
  sleepStopped: () => boolean;
  autoPlayNext: boolean;
  queue: Pick<Queue, 'advance'>;
  load: PlayerActions['load'];
  say: (text: string) => void;
  fail: (message: string) => void;
}

export function useAutoAdvance(
  endedRef: RefObject<((episode: EpisodeWithState) => void) | undefined>,
  { sleepStopped, autoPlayNext, queue, load, say, fail }: AutoAdvance,
): void {
  useEffect(() => {
    endedRef.current = (episode) => {
      if (sleepStopped()) {
        say('Sleep timer: stopped at the end of the episode');
        return;
      }
      if (!autoPlayNext) return;
      queue
        .advance(episode.id)
        .then((next) => {
          if (!next) return;
          load(next, { autoplay: true });
          say(`Up next: ${next.title}`);
        })
        .catch((error: unknown) => fail(`Couldn't play the next episode: ${errorText(error)}`));
    };
  });
}
