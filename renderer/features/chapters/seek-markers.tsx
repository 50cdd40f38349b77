/**
 * Chapter ticks and note dots laid over the Seek slider. Each is a button ("Chapter: <title>",
 * "Note: <first words>") with its name as a tooltip on hover and focus. Only one marker is in the
 * Tab order (roving tabindex: the one nearest the playhead); arrow keys move between markers, so
 * an episode with forty chapters does not cost forty Tab presses.
 */
import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { formatTimestamp } from '../../../shared/time';
import type { Chapter, Note } from '../../../shared/types';
import { noteMarkerName } from '../notes/note-label';
import { chapterIndexAt } from './chapter-math';
import './chapters.css';

interface SeekMarkersProps {
  chapters: readonly Chapter[];
  notes: readonly Note[];
  duration: number;
  position: number;
  onJump: (seconds: number) => void;
}

interface Marker {
  key: string;
  kind: 'chapter' | 'note';
  at: number;
  name: string;
  tip: string;
}

export function SeekMarkers({ chapters, notes, duration, position, onJump }: SeekMarkersProps) {
  const groupRef = useRef<HTMLDivElement>(null);
  if (!(duration > 0) || chapters.length + notes.length === 0) return null;

  const markers: Marker[] = [
    ...chapters
      .filter((chapter) => chapter.start <= duration)
      .map((chapter, index) => ({
        key: `c${index}`,
        kind: 'chapter' as const,
        at: chapter.start,
        name: `Chapter: ${chapter.title}`,
        tip: `${formatTimestamp(chapter.start)} · ${chapter.title}`,
      })),
    ...notes
      .filter((note) => note.at <= duration)
      .map((note) => ({
        key: `n${note.id}`,
        kind: 'note' as const,
        at: note.at,
        name: noteMarkerName(note),
        tip: `${formatTimestamp(note.at)} · ${noteMarkerName(note).slice('Note: '.length)}`,
      })),
  ].sort((a, b) => a.at - b.at || (a.kind === 'chapter' ? -1 : 1));

  const focusable = Math.max(
    0,
    chapterIndexAt(
      markers.map((m) => ({ start: m.at, title: '' })),
      position,
    ),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? markers.length - 1 : step && index + step;
    if (to === undefined || to < 0 || to >= markers.length || event.shiftKey) return;
    event.preventDefault();
    groupRef.current?.querySelectorAll<HTMLButtonElement>('button')[to]?.focus();
  };

  return (
    <div ref={groupRef} className="seek-markers" role="group" aria-label="Chapter and note markers">
      {markers.map((marker, index) => (
        <button
          key={marker.key}
          type="button"
          className={`seek-marker seek-marker--${marker.kind}`}
          style={{ '--at': `${((marker.at / duration) * 100).toFixed(3)}%` } as CSSProperties}
          aria-label={marker.name}
          tabIndex={index === focusable ? 0 : -1}
          onClick={() => onJump(marker.at)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          <span className="seek-marker__tip" aria-hidden="true">
            {marker.tip}
          </span>
        </button>
      ))}
    </div>
  );
}
