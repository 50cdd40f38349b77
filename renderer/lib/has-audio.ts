import type { EpisodeWithState } from '../../shared/types';

/** Something to play: the feed's audio, or a finished download (kept even if the feed later dropped it). */
export function hasAudio(episode: Pick<EpisodeWithState, 'enclosure' | 'download'>): boolean {
  return Boolean(episode.enclosure?.url) || episode.download?.state === 'completed';
}
