/**
 * One episode's page: the header (episode-header.tsx), then its sections (chapters, transcript, show
 * notes) and the notes beside them. Opening an episode puts it in the player unless another one is playing or
 * paused part-way (then the header's "Listen now" / "Resume from …" loads and plays this one). The
 * header never names a button "Play" (see episode-actions.tsx). (Other buttons may contain "play" or
 * "pause" only as part of a longer name, e.g. "Pause download": tests match the player's names exactly.)
 * A new section: a component taking `{ page }` (episode-page.ts) and one line below.
 */
import { useEffect, useRef } from 'react';
import type { EpisodeState, EpisodeWithState, Feed } from '../../../shared/types';
import { api, errorText } from '../../api';
import { BackIcon } from '../../components/icons';
import { useToast } from '../../components/toast-context';
import { hasAudio } from '../../lib/has-audio';
import { useOnline } from '../../lib/use-online';
import { useChapters } from '../chapters/use-chapters';
import { useDownloads } from '../downloads/downloads-context';
import { NotesPanel } from '../notes/notes-panel';
import { useMark } from '../notes/use-mark';
import { useNotes } from '../notes/use-notes';
import { usePlayerContext } from '../player/player-context';
import { ChaptersSection } from './chapters-section';
import { EpisodeHeader } from './episode-header';
import type { EpisodePage } from './episode-page';
import { ShowNotesSection } from './show-notes-section';
import { TranscriptPageSection } from './transcript-page-section';
import { useEpisode, useLoadWhenOpened } from './use-episode';
import './episode.css';

interface EpisodeViewProps {
  episodeId: string;
  /** What the library already knows, for an instant first paint. */
  initial?: EpisodeWithState;
  /** The shows, to name the episode's. */
  feeds: Feed[];
  onBack: () => void;
  onStateChanged: (id: string, state: EpisodeState) => void;
  markBackSeconds: number;
  /** The "N" shortcut asked for the note box. */
  composeRequested?: boolean;
  onComposeHandled?: () => void;
}

export function EpisodeView({
  episodeId,
  initial,
  feeds,
  onBack,
  onStateChanged,
  markBackSeconds,
  composeRequested,
  onComposeHandled,
}: EpisodeViewProps) {
  const player = usePlayerContext();
  const toast = useToast();
  const chapters = useChapters(episodeId);
  const notes = useNotes(episodeId);
  const mark = useMark(markBackSeconds, toast);
  const { episode, setEpisode, error, setError } = useEpisode(episodeId, initial);
  const feed = feeds.find((show) => show.id === episode?.feedId);
  useLoadWhenOpened(episode);

  const online = useOnline();
  const { completedIds } = useDownloads();

  // Move focus to the title so keyboard and screen-reader users land on the new view.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownId = episode?.id;
  useEffect(() => {
    if (shownId) headingRef.current?.focus();
  }, [shownId]);

  if (!episode) {
    return (
      <main className="episode-view">
        <BackButton onBack={onBack} />
        {error ? (
          <p className="episode-view__error" role="alert">
            Couldn't open this episode: {error}
          </p>
        ) : (
          <p className="muted">Loading episode…</p>
        )}
      </main>
    );
  }

  const isLoaded = player.episode?.id === episode.id;
  const position = isLoaded ? player.position : episode.state.position;
  // Notes stamp the player's time for the episode it is playing, else where this one was left.
  const now = () => (isLoaded ? player.now() : episode.state.position);
  /** Chapters and "Jump to" go there and play, putting this episode in the player if needed. */
  const jump = (seconds: number) => player.load(episode, { autoplay: true, at: seconds });
  const played = isLoaded && player.status === 'ended' ? true : episode.state.played;
  const unavailableOffline = !online && !completedIds.has(episode.id);
  const playable = hasAudio(episode) && !unavailableOffline;
  const page: EpisodePage = { episode, chapters, notes, isLoaded, playable, jump };

  const togglePlayed = async () => {
    try {
      const state = await api.setEpisodeState(
        played ? { id: episode.id, played: false, position: 0 } : { id: episode.id, played: true },
      );
      setEpisode({ ...episode, state });
      onStateChanged(episode.id, state);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <main className="episode-view">
      <BackButton onBack={onBack} />
      <EpisodeHeader
        episode={episode}
        feed={feed}
        headingRef={headingRef}
        played={played}
        position={position}
        isLoaded={isLoaded}
        playable={playable}
        unavailableOffline={unavailableOffline}
        error={error}
        onTogglePlayed={togglePlayed}
      />
      <div className="episode-body">
        <div className="episode-body__main">
          <ChaptersSection page={page} />
          <TranscriptPageSection page={page} />
          <ShowNotesSection page={page} />
        </div>
        <aside className="episode-body__side">
          <NotesPanel
            episodeId={episode.id}
            notes={notes}
            now={now}
            onJump={jump}
            onMark={() => void mark(episode.id, now())}
            markBackSeconds={markBackSeconds}
            focusRequested={composeRequested}
            onFocusHandled={onComposeHandled}
          />
        </aside>
      </div>
    </main>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="button button--quiet back-button" onClick={onBack}>
      <BackIcon />
      Back to library
    </button>
  );
}
