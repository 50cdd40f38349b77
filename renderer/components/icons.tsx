/** Inline SVG icons: no icon font (CSP keeps fonts to 'self'), decorative, hidden from screen readers. */
import type { ReactNode } from 'react';

function Svg({ children, className = 'icon' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const PlayIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z" fill="currentColor" />
  </Svg>
);

export const PauseIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <rect x="6" y="4" width="4" height="16" rx="1" fill="currentColor" />
    <rect x="14" y="4" width="4" height="16" rx="1" fill="currentColor" />
  </Svg>
);

/** A circular arrow with the number of seconds inside, like most podcast players. */
export const SkipIcon = ({ direction, seconds }: { direction: 'back' | 'forward'; seconds: number }) => (
  <Svg className="icon icon--skip">
    {direction === 'back' ? (
      <>
        <path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1" />
        <path d="M3 3.5v4h4" />
      </>
    ) : (
      <>
        <path d="M20.5 12a8.5 8.5 0 1 1-2.6-6.1" />
        <path d="M21 3.5v4h-4" />
      </>
    )}
    <text x="12" y="15.4" textAnchor="middle" fontSize="8" fontWeight="700" fill="currentColor" stroke="none">
      {seconds}
    </text>
  </Svg>
);

export const RefreshIcon = () => (
  <Svg>
    <path d="M20 11a8 8 0 0 0-14.3-4.9L4 8" />
    <path d="M4 4v4h4" />
    <path d="M4 13a8 8 0 0 0 14.3 4.9L20 16" />
    <path d="M20 20v-4h-4" />
  </Svg>
);

export const SettingsIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </Svg>
);

export const CloseIcon = () => (
  <Svg>
    <path d="M6 6l12 12M18 6 6 18" />
  </Svg>
);

export const BackIcon = () => (
  <Svg>
    <path d="M15 18l-6-6 6-6" />
  </Svg>
);

export const CheckIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Svg>
);

export const AlertIcon = () => (
  <Svg>
    <path d="M12 3 2 20h20L12 3z" />
    <path d="M12 10v4M12 17.2v.1" />
  </Svg>
);

export const InfoIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 7.8v.1" />
  </Svg>
);

export const PlusIcon = () => (
  <Svg>
    <path d="M12 5v14M5 12h14" />
  </Svg>
);

/** Previous / next chapter: a bar and a triangle, the usual "skip track" shape. */
export const ChapterIcon = ({ direction }: { direction: 'previous' | 'next' }) => (
  <Svg>
    {direction === 'previous' ? (
      <>
        <path d="M6 5v14" />
        <path d="M18 6.2v11.6a.8.8 0 0 1-1.2.7L9 12.7a.8.8 0 0 1 0-1.4l7.8-5.8a.8.8 0 0 1 1.2.7z" fill="currentColor" />
      </>
    ) : (
      <>
        <path d="M18 5v14" />
        <path d="M6 6.2v11.6a.8.8 0 0 0 1.2.7l7.8-5.8a.8.8 0 0 0 0-1.4L7.2 5.5A.8.8 0 0 0 6 6.2z" fill="currentColor" />
      </>
    )}
  </Svg>
);

export const SearchIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Svg>
);

export const BookmarkIcon = () => (
  <Svg>
    <path d="M6 4h12v16l-6-4-6 4z" />
  </Svg>
);

export const EditIcon = () => (
  <Svg>
    <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16z" />
    <path d="m13.5 6.5 4 4" />
  </Svg>
);

export const TrashIcon = () => (
  <Svg>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </Svg>
);

export const ExportIcon = () => (
  <Svg>
    <path d="M12 15V3M7 8l5-5 5 5" />
    <path d="M5 13v6a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-6" />
  </Svg>
);

export const ImportIcon = () => (
  <Svg>
    <path d="M12 3v12M7 10l5 5 5-5" />
    <path d="M5 13v6a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-6" />
  </Svg>
);

export const ExternalIcon = () => (
  <Svg className="icon icon--inline">
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </Svg>
);

/** An arrow into a tray: download (also the header's Downloads view). */
export const DownloadIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M12 4v11M7 10.5l5 5 5-5" />
    <path d="M5 19h14" />
  </Svg>
);

export const PauseSmallIcon = () => (
  <Svg>
    <path d="M9 6v12M15 6v12" />
  </Svg>
);

export const ResumeIcon = () => (
  <Svg>
    <path d="M8 5.5v13l10.5-6.5L8 5.5z" />
  </Svg>
);

/** Lines with a play triangle: the "Up next" queue. */
export const QueueIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M3 6h13M3 12h9M3 18h9" />
    <path d="M16 13.5v6l5-3z" fill="currentColor" />
  </Svg>
);

/** A list with a plus: add to the queue. */
export const QueueAddIcon = () => (
  <Svg>
    <path d="M3 6h12M3 12h8M3 18h8" />
    <path d="M18 12v8M14 16h8" />
  </Svg>
);

/** A crescent moon: the sleep timer. */
export const MoonIcon = () => (
  <Svg>
    <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
  </Svg>
);

export const VolumeIcon = ({ muted }: { muted: boolean }) => (
  <Svg>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor" />
    {muted ? <path d="M16 9.5l5 5M21 9.5l-5 5" /> : <path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />}
  </Svg>
);

/** Six dots: a handle to drag by. */
export const GripIcon = () => (
  <Svg>
    <circle cx="9" cy="6" r="1.2" fill="currentColor" />
    <circle cx="15" cy="6" r="1.2" fill="currentColor" />
    <circle cx="9" cy="12" r="1.2" fill="currentColor" />
    <circle cx="15" cy="12" r="1.2" fill="currentColor" />
    <circle cx="9" cy="18" r="1.2" fill="currentColor" />
    <circle cx="15" cy="18" r="1.2" fill="currentColor" />
  </Svg>
);

export const ArrowIcon = ({ direction }: { direction: 'up' | 'down' }) => (
  <Svg>{direction === 'up' ? <path d="M12 19V5M6 11l6-6 6 6" /> : <path d="M12 5v14M6 13l6 6 6-6" />}</Svg>
);

export const KeyboardIcon = () => (
  <Svg>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </Svg>
);

/** A circle with a tick or an empty circle: played / unplayed. */
export const CircleCheckIcon = ({ done }: { done: boolean }) => (
  <Svg>
    <circle cx="12" cy="12" r="8.5" />
    {done && <path d="M8.5 12.2l2.3 2.3 4.7-4.9" />}
  </Svg>
);

export const PinIcon = () => (
  <Svg>
    <path d="M9 4h6l-1 6 3 3v1H7v-1l3-3z" />
    <path d="M12 14v6" />
  </Svg>
);
