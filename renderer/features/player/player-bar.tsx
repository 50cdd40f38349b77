/**
 * The persistent bottom bar: what is loaded (now-playing.tsx), the transport controls
 * (transport-controls.tsx), the seek bar with its markers, speed, sleep timer and volume.
 */
import { formatTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';
import { SeekMarkers } from '../chapters/seek-markers';
import type { ChapterNavigation } from '../chapters/use-chapter-navigation';
import { NowPlaying } from './now-playing';
import { usePlayerContext } from './player-context';
import { SeekBar } from './seek-bar';
import { ShowSpeed } from './show-speed';
import { SleepTimerMenu } from './sleep-timer-menu';
import { SpeedControl } from './speed-control';
import { TransportControls } from './transport-controls';
import type { SleepTimerControl } from './use-sleep-timer';
import { VolumeControl } from './volume-control';
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
  const player = usePlayerContext();
  const { episode, status, playing, position, duration, rate } = player;
  if (!episode) return null;
  const failed = status === 'error';
  const hasChapters = navigation.chapters.length > 0;
  // Seek and play: a marker is a "go there" the same way a chapter in the list is.
  const jump = (seconds: number) => {
    player.seek(seconds);
    if (!playing) player.play();
  };

  return (
    <section className="player-bar" aria-label="Player">
      <NowPlaying
        episode={episode}
        showArtwork={showArtwork}
        showTitle={showTitle}
        navigation={navigation}
        onOpenEpisode={onOpenEpisode}
      />

      <div className="player-bar__center">
        <TransportControls episode={episode} navigation={navigation} />
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
