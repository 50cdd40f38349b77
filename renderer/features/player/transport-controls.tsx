/**
 * The player bar's buttons: previous and next chapter (when there are chapters), skip back, Play /
 * Pause (the only buttons named exactly that), skip forward, and play Up next's first episode.
 */
import type { EpisodeWithState } from '../../../shared/types';
import { ChapterIcon, PauseIcon, PlayIcon, QueueIcon, SkipIcon } from '../../components/icons';
import type { ChapterNavigation } from '../chapters/use-chapter-navigation';
import { playFromQueue } from '../queue/play-from-queue';
import { useQueueContext } from '../queue/queue-context';
import { useSettingsContext } from '../settings/settings-context';
import { usePlayerContext } from './player-context';

export function TransportControls({
  episode,
  navigation,
}: {
  episode: EpisodeWithState;
  navigation: ChapterNavigation;
}) {
  const { skipBackSeconds, skipForwardSeconds } = useSettingsContext().settings;
  const player = usePlayerContext();
  const queue = useQueueContext();
  const { status, playing } = player;
  const failed = status === 'error';
  const hasChapters = navigation.chapters.length > 0;
  // Skip to Up next's first episode, as its "Play now" does: it plays and leaves the queue. The
  // episode left behind keeps its position (load saves it).
  const nextUp = queue.items.find((item) => item.id !== episode.id);
  const playNextUp = () => nextUp && playFromQueue(player, queue, nextUp);

  return (
    <div className="player-bar__controls">
      {hasChapters && (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Previous chapter"
          title="Previous chapter (Shift+←)"
          disabled={failed || !navigation.previous}
          onClick={navigation.previous}
        >
          <ChapterIcon direction="previous" />
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={`Skip back ${skipBackSeconds} seconds`}
        disabled={failed}
        onClick={() => player.skip(-skipBackSeconds)}
      >
        <SkipIcon direction="back" seconds={skipBackSeconds} />
      </button>
      <button
        type="button"
        className={`play-button${status === 'loading' && playing ? ' play-button--busy' : ''}`}
        aria-label={playing ? 'Pause' : 'Play'}
        disabled={failed}
        onClick={player.toggle}
      >
        {playing ? <PauseIcon className="icon icon--large" /> : <PlayIcon className="icon icon--large" />}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Skip forward ${skipForwardSeconds} seconds`}
        disabled={failed}
        onClick={() => player.skip(skipForwardSeconds)}
      >
        <SkipIcon direction="forward" seconds={skipForwardSeconds} />
      </button>
      {hasChapters && (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Next chapter"
          title="Next chapter (Shift+→)"
          disabled={failed || !navigation.next}
          onClick={navigation.next}
        >
          <ChapterIcon direction="next" />
        </button>
      )}
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Play next in Up next"
        title={nextUp ? `Play next in Up next: ${nextUp.title}` : 'Up next is empty'}
        disabled={!nextUp}
        onClick={playNextUp}
      >
        <QueueIcon />
      </button>
    </div>
  );
}
