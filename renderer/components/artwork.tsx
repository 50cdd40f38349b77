/** Show or episode artwork with a lettered placeholder, so a missing or broken image never leaves a hole. */
import { useState } from 'react';
import type { Feed } from '../../shared/types';
import './artwork.css';

interface ArtworkProps {
  /** Tried in order: the first that loads is shown (a chapter's image, then the episode's, then the show's). */
  sources: readonly (string | undefined)[];
  /** Used for the placeholder letter only; artwork is decorative next to the title it belongs to. */
  title: string;
  size: 'small' | 'medium' | 'large';
}

// The feed's own pictures, and the copy of a show's artwork the app keeps in its data folder (/artwork/…).
const loadable = (src: string | undefined): src is string =>
  Boolean(src && /^(https?:|data:image\/|\/artwork\/)/i.test(src));

/** A show's pictures in the order to try them: the kept copy (there offline), then the feed's. */
export function showArtwork(feed: Pick<Feed, 'localArtwork' | 'artwork'> | undefined): (string | undefined)[] {
  return [feed?.localArtwork, feed?.artwork];
}

export function Artwork({ sources, title, size }: ArtworkProps) {
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const shown = sources.find((candidate) => loadable(candidate) && !failed.has(candidate));
  return (
    <div className={`artwork artwork--${size}`} aria-hidden="true">
      {shown ? (
        <img
          key={shown}
          src={shown}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setFailed((before) => new Set(before).add(shown))}
        />
      ) : (
        <span className="artwork__letter">{title.trim().charAt(0).toUpperCase() || '♪'}</span>
      )}
    </div>
  );
}
