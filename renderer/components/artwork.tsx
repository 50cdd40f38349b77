/** Show or episode artwork with a lettered placeholder, so a missing or broken image never leaves a hole. */
import { useState } from 'react';
import './artwork.css';

interface ArtworkProps {
  src?: string;
  /** Used for the placeholder letter only; artwork is decorative next to the title it belongs to. */
  title: string;
  size: 'small' | 'medium' | 'large';
}

export function Artwork({ src, title, size }: ArtworkProps) {
  const [failedSrc, setFailedSrc] = useState<string>();
  const usable = src && /^(https?:|data:image\/)/i.test(src) && failedSrc !== src;
  return (
    <div className={`artwork artwork--${size}`} aria-hidden="true">
      {usable ? (
        <img src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailedSrc(src)} />
      ) : (
        <span className="artwork__letter">{title.trim().charAt(0).toUpperCase() || '♪'}</span>
      )}
    </div>
  );
}
