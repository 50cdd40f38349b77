/** Show or episode artwork with a lettered placeholder, so a missing or broken image never leaves a hole. */
import { useState } from 'react';
import './artwork.css';

interface ArtworkProps {
  src?: string;
  /** Shown when `src` is missing or fails to load (a chapter's image falls back to the episode's). */
  fallback?: string;
  /** Used for the placeholder letter only; artwork is decorative next to the title it belongs to. */
  title: string;
  size: 'small' | 'medium' | 'large';
}

const loadable = (src: string | undefined): src is string => Boolean(src && /^(https?:|data:image\/)/i.test(src));

export function Artwork({ src, fallback, title, size }: ArtworkProps) {
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const shown = [src, fallback].find((candidate) => loadable(candidate) && !failed.has(candidate));
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
