/**
 * The player bar's left part: the loaded episode's picture (opens its page), its title, and a status
 * line: loading, finished or an error (with Try again), else the chapter playing or the show.
 */
import type { EpisodeWithState } from '../../../shared/types';
import { Artwork } from '../../components/artwork';
import { RefreshIcon } from '../../components/icons';
import type { ChapterNavigation } from '../chapters/use-chapter-navigation';
import { usePlayerContext } from './player-context';

interface NowPlayingProps {
  episode: EpisodeWithState;
  /** The show's pictures (kept copy, feed's), for when the episode has none of its own or it fails. */
  showArtwork: readonly (string | undefined)[];
  showTitle?: string;
  navigation: ChapterNavigation;
  onOpenEpisode: (id: string) => void;
}

export function NowPlaying({ episode, showArtwork, showTitle, navigation, onOpenEpisode }: NowPlayingProps) {
  const player = usePlayerContext();
  const { status, playing, error } = player;
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

  return (
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
  );
}
