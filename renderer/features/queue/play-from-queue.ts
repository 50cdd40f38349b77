import type { EpisodeWithState } from '../../../shared/types';
import type { PlayerActions } from '../player/use-player';
import type { Queue } from './use-queue';

/** "Play now" from Up next: the episode plays and leaves the queue; the one left behind keeps its position. */
export function playFromQueue(
  player: Pick<PlayerActions, 'load'>,
  queue: Pick<Queue, 'remove'>,
  episode: EpisodeWithState,
): void {
  player.load(episode, { autoplay: true });
  void queue.remove(episode.id);
}
