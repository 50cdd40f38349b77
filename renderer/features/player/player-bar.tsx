/** The persistent bottom bar: what is loaded, transport controls, the seek bar and speed. */
import { formatTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';
import { Artwork } from '../../components/artwork';
import { ChapterIcon, PauseIcon, PlayIcon, QueueIcon, RefreshIcon, SkipIcon } from '../../components/icons';
import { SeekMarkers } from '../chapters/seek-markers';
import type { ChapterNavigation } from '../chapters/use-chapter-navigation';
import { playFromQueue } from '../queue/play-from-queue';
import { useQueueContext } from '../queue/queue-context';
import { usePlayerContext } from './player-context';
import { SeekBar } from './seek-bar';
import { ShowSpeed } from './show-speed';
import { SleepTimerMenu } from './sleep-timer-menu';
import { SpeedControl } from './speed-control';
import type { SleepTimerControl } from './use-sleep-timer';
import { VolumeControl } from './volume-control';
import { useSettingsContext } from '../settings/settings-context';
import './player.css';

interface PlayerBarProps {
  /** The show's pictures (kept copy, feed's), for when the episode has none of its own or it fails. */
  showArtwork: readonly (string | undefined)[];
  showTitle?: string;
  /** The loaded episode's chapters and where previous/next go. */
  navigation: ChapterNavigation;
  /** The loaded episode's notes, shown as markers. */
  notes: readonly Note[];
  onOpenEpisode: (id: string) => void;
  sleep: SleepTimerControl;
  /** The loaded show's saved speed (settings.speedByFeed). */
  showSpeed?: number;
  onPinShowSpeed: (rate: number | undefined) => void;
}

export function PlayerBar({
  showArtwork,
  showTitle,
  navigation,
  notes,
  onOpenEpisode,
  sleep,
  showSpeed,
  onPinShowSpeed,
}: PlayerBarProps) {
  const { skipBackSeconds, skipForwardSeconds } = useSettingsContext().settings;
  const player = usePlayerContext();
  const queue = useQueueContext();
  const { episode, status, playing, position, duration, rate, error } = player;
  if (!episode) return null;
  const failed = status === 'error';
  const statusText = failed
    ? error
    : error
      ? error
      : status === 'loading' && playing
        ? 'Loading…'
        : status === 'ended'
          ? 'Finished'
          : '';

  const hasChapters = navigation.chapters.length > 0;
  // Skip to Up next's first episode, as its "Play now" does: it plays and leaves the queue. The
  // episode left behind keeps its position (load saves it).
  const nextUp = queue.items.find((item) => item.id !== episode.id);
  const playNextUp = () => nextUp && playFromQueue(player, queue, nextUp);
  // Seek and play: a marker is a "go there" the same way a chapter in the list is.
  const jump = (seconds: number) => {
    player.seek(seconds);
    if (!playing) player.play();
  };

  return (
    <section className="player-bar" aria-label="Player">
      <div className="player-bar__now">
        <button
          type="button"
          className="player-bar__art-button"
          aria-label="Show episode details"
          onClick={() => onOpenEpisode(episode.id)}
        >
          {/* The chapter playing may bring its own picture (chapters JSON `img`, ID3 CHAP APIC). */}
          <Artwork
            sources={[navigation.current?.image, episode.artwork, ...showArtwork]}
            title={showTitle ?? episode.title}
            size="small"
          />
        </button>
        <div className="player-bar__titles">
          <p className="player-bar__title" title={episode.title}>
            {episode.title}
          </p>
          {/* An error stays one or two lines (the bar must not grow); the whole text is its tooltip. */}
          <div className="player-bar__status-row">
            <p
              className={`player-bar__status${failed || error ? ' player-bar__status--error' : ''}`}
              aria-live="polite"
              title={error}
            >
              {statusText ||
                (navigation.current ? (
                  <span className="player-bar__chapter" title={navigation.current.title}>
                    <span className="visually-hidden">Chapter: </span>
                    {navigation.current.title}
                  </span>
                ) : (
                  showTitle || ''
                ))}
            </p>
            {failed && episode.enclosure?.url && (
              <button
                type="button"
                className="button button--small player-bar__retry"
                aria-label="Try again"
                title="Try again"
                onClick={() => player.load(episode, { autoplay: true })}
              >
                <RefreshIcon />
                {/* Hidden in a narrow window, where the icon alone leaves the error its room. */}
                <span className="player-bar__retry-label">Try again</span>
              </button>
            )}
          </div>
        </div>
      </div>

      <div className="player-bar__center">
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
        <div className="player-bar__timeline">
          <span className="player-bar__time" aria-hidden="true">
            {formatTimestamp(position)}
          </span>
          <SeekBar position={position} duration={duration} disabled={failed} onSeek={player.seek}>
            {!failed && (
              <SeekMarkers
                chapters={navigation.chapters}
                notes={notes}
                duration={duration}
                position={position}
                onJump={jump}
              />
            )}
          </SeekBar>
          <span className="player-bar__time player-bar__time--total" aria-hidden="true">
            {duration > 0 ? formatTimestamp(duration) : '–:––'}
          </span>
        </div>
      </div>

      <div className="player-bar__extra">
        <div className="player-bar__speed">
          <SpeedControl
            rate={rate}
            onChange={(chosen) => {
              player.setRate(chosen);
              // A pinned show keeps what the listener chooses now; otherwise the next episode went
              // back to the old pin without a word.
              if (showSpeed !== undefined && Math.abs(showSpeed - chosen) > 0.001) onPinShowSpeed(chosen);
            }}
          />
          {showTitle && <ShowSpeed showTitle={showTitle} rate={rate} saved={showSpeed} onPin={onPinShowSpeed} />}
        </div>
        <SleepTimerMenu sleep={sleep} hasChapters={hasChapters} />
        <VolumeControl
          volume={player.volume}
          muted={player.muted}
          onVolume={player.setVolume}
          onMuted={player.setMuted}
        />
      </div>
    </section>
  );
}
