/**
 * The "Seek" slider. A native range input (keyboard, touch and screen readers for free) with the
 * value in whole seconds. Dragging previews on 'input' and seeks once on 'change' (release, a
 * key press, or a test filling the value), so a drag does not fire dozens of network seeks.
 * `children` lets later features lay markers (chapters, notes) over the track.
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { formatTimestamp } from '../../../shared/time';

interface SeekBarProps {
  position: number;
  duration: number;
  disabled?: boolean;
  onSeek: (seconds: number) => void;
  children?: ReactNode;
}

export function SeekBar({ position, duration, disabled, onSeek, children }: SeekBarProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<number>();
  const onSeekRef = useRef(onSeek);
  useEffect(() => {
    onSeekRef.current = onSeek;
  });

  // 'change' is listened to natively: React's onChange is the 'input' event, and a value set
  // programmatically (e.g. by automation) never reaches React's onChange at all.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const commit = () => {
      setPreview(undefined);
      onSeekRef.current(Number(input.value));
    };
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, []);

  const max = Math.max(0, Math.floor(duration));
  const value = Math.min(max, Math.floor(preview ?? position));
  const fraction = max > 0 ? value / max : 0;
  const valueText = `${formatTimestamp(value)} of ${formatTimestamp(max)}`;

  return (
    <div className="seek-bar" style={{ '--progress': `${(fraction * 100).toFixed(3)}%` } as CSSProperties}>
      <input
        ref={inputRef}
        className="seek-bar__input"
        type="range"
        aria-label="Seek"
        min={0}
        max={max}
        step={1}
        value={value}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
        disabled={disabled}
        onChange={(event) => setPreview(Number(event.currentTarget.value))}
        onKeyDown={(event) => {
          // Arrow keys move 5 s (1 s steps are too fine for an hour-long episode). Shift+arrows
          // belong to the app's chapter shortcuts, which stop the native step themselves.
          if (event.shiftKey) return;
          const step = event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -5 : 0;
          const forward = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 5 : 0;
          if (!step && !forward) return;
          event.preventDefault();
          onSeek(Math.max(0, Math.min(max, value + step + forward)));
        }}
      />
      {children}
    </div>
  );
}
