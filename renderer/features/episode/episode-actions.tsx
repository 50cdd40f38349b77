/**
 * The episode header's actions. The main one is named "Listen now" / "Resume from …" (or shows
 * "Now playing"), never "Play": the player bar's Play and Pause are the only buttons named that.
 */
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { formatTimestamp } from '../../../shared/time';
import { useToast } from '../../components/toast-context';
import { CircleCheckIcon, PlayIcon, QueueAddIcon, QueueIcon } from '../../components/icons';
import { hasAudio } from '../../lib/has-audio';
import { usePlayerContext } from '../player/player-context';
import { useQueueContext } from '../queue/queue-context';

interface ListenActionsProps {
  episode: EpisodeWithState;
  played: boolean;
  position: number;
  isLoaded: boolean;
  playable: boolean;
  onTogglePlayed: () => void;
}

/** Listen now / Resume from … (or "Now playing"), and Mark as played / unplayed. */
export function ListenActions({ episode, played, position, isLoaded, playable, onTogglePlayed }: ListenActionsProps) {
  const player = usePlayerContext();
  return (
    <div className="episode-header__actions">
      {isLoaded && player.playing ? (
        <span className="now-playing" role="status">
          <span className="now-playing__bars" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          Now playing
        </span>
      ) : (
        <button
          type="button"
          className="button button--primary button--large"
          disabled={!playable}
          onClick={() => player.load(episode, { autoplay: true })}
        >
          <PlayIcon />
          {!played && position >= 1 ? `Resume from ${formatTimestamp(position)}` : 'Listen now'}
        </button>
      )}
      <button type="button" className="button" onClick={onTogglePlayed}>
        <CircleCheckIcon done={played} />
        {played ? 'Mark as unplayed' : 'Mark as played'}
      </button>
    </div>
  );
}

interface NoAudioReasonProps {
  episode: EpisodeWithState;
  feed?: Feed;
  unavailableOffline: boolean;
}

/** Why an episode that can't play can't: offline and not downloaded, the offline snapshot, or no audio. */
export function NoAudioReason({ episode, feed, unavailableOffline }: NoAudioReasonProps) {
  return (
    <p className="episode-header__no-audio">
      {unavailableOffline && hasAudio(episode)
        ? "Not downloaded — unavailable offline. It plays again when you're back online; download episodes to listen offline."
        : feed?.snapshot
          ? "The offline snapshot saved with Earmark has no audio. This episode plays once Earmark reaches the feed: choose Refresh feeds when you're online."
          : 'This episode has no audio file.'}
    </p>
  );
}

/** In Up next (and Remove), or Play next and Add to Up next when the episode can play. */
export function UpNextActions({ episode, playable }: { episode: EpisodeWithState; playable: boolean }) {
  const queue = useQueueContext();
  const toast = useToast();
  return (
    <div className="episode-header__queue">
      {queue.ids.has(episode.id) ? (
        <>
          <span className="episode-header__queued">
            <QueueIcon className="icon icon--inline" /> In Up next
          </span>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void queue.remove(episode.id)}
          >
            Remove from Up next
          </button>
        </>
      ) : playable ? (
        <>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              void queue.add(episode.id, 'next');
              toast({ text: 'Plays after the current episode' });
            }}
          >
            <QueueIcon />
            Play next
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              void queue.add(episode.id, 'end');
              toast({ text: 'Added to the end of Up next' });
            }}
          >
            <QueueAddIcon />
            Add to Up next
          </button>
        </>
      ) : null}
    </div>
  );
}
