/**
 * Chapter ticks and note dots laid over the Seek slider. Each is a button ("Chapter: <title>",
 * "Note: <first words>") with its name as a tooltip on hover and focus. Only one marker is in the
 * Tab order (roving tabindex: the one nearest the playhead); arrow keys move between markers, so
 * an episode with forty chapters does not cost forty Tab presses.
 *
 * Markers of one kind closer together than a hit area would overlap and could not be clicked apart,
 * so they merge into one ("3 notes near 1:46") that jumps to the first and lists them in its tooltip.
 */
import { useEffect, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatTimestamp } from '../../../shared/time';
import type { Chapter, Note } from '../../../shared/types';
import { firstWords, noteMarkerName } from '../notes/note-label';
import { chapterIndexAt } from './chapter-math';
import './chapters.css';

/** A marker's hit area in px: the width of .seek-marker in chapters.css. */
const HIT_WIDTH = 12;
/** A merged marker's tooltip lists this many moments, then "and N more". */
const TIP_LINES = 5;

interface SeekMarkersProps {
  chapters: readonly Chapter[];
  notes: readonly Note[];
  duration: number;
  position: number;
  onJump: (seconds: number) => void;
}

type Kind = 'chapter' | 'note';

interface Point {
  key: string;
  at: number;
  name: string;
  summary: string;
}

interface Marker {
  key: string;
  kind: Kind;
  at: number;
  name: string;
  tip: string[];
  merged: boolean;
}

/** Runs of points (in time order) less than a hit area apart become one marker; none while unmeasured (0). */
function mergeClose(kind: Kind, points: Point[], pxPerSecond: number): Marker[] {
  const runs: Point[][] = [];
  for (const point of [...points].sort((a, b) => a.at - b.at)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && pxPerSecond > 0 && (point.at - last.at) * pxPerSecond < HIT_WIDTH) run.push(point);
    else runs.push([point]);
  }
  return runs.map((run) => {
    const first = run[0]!;
    const lines = run.slice(0, TIP_LINES).map((point) => `${formatTimestamp(point.at)} · ${point.summary}`);
    if (run.length > TIP_LINES) lines.push(`and ${run.length - TIP_LINES} more`);
    return {
      key: first.key,
      kind,
      at: first.at,
      name: run.length === 1 ? first.name : `${run.length} ${kind}s near ${formatTimestamp(first.at)}`,
      tip: lines,
      merged: run.length > 1,
    };
  });
}

/**
 * Puts a marker's tooltip above the fixed player bar the slider sits in (so it never covers the
 * transport buttons) and slides it sideways to stay within the slider's width.
 */
function placeTip(button: HTMLButtonElement, bounds: HTMLElement) {
  const tip = button.querySelector<HTMLElement>('.seek-marker__tip');
  if (!tip) return;
  let dock: HTMLElement | null = bounds;
  while (dock && getComputedStyle(dock).position !== 'fixed') dock = dock.parentElement;
  const own = button.getBoundingClientRect();
  const lift = dock ? Math.max(0, own.top - dock.getBoundingClientRect().top) : 0;
  const area = bounds.getBoundingClientRect();
  const width = tip.offsetWidth;
  const centred = own.left + own.width / 2 - width / 2;
  const left = Math.max(area.left, Math.min(centred, area.right - width));
  tip.style.setProperty('--tip-lift', `${lift}px`);
  tip.style.setProperty('--tip-shift', `${left - centred}px`);
}

export function SeekMarkers({ chapters, notes, duration, position, onJump }: SeekMarkersProps) {
  const [group, setGroup] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    if (!group || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(group.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(group);
    return () => observer.disconnect();
  }, [group]);

  if (!(duration > 0) || chapters.length + notes.length === 0) return null;

  // Until the track has been measured nothing merges (every marker keeps its own name).
  const pxPerSecond = width / duration;
  const markers: Marker[] = [
    ...mergeClose(
      'chapter',
      chapters
        .map((chapter, index) => ({
          key: `c${index}`,
          at: chapter.start,
          name: `Chapter: ${chapter.title}`,
          summary: chapter.title,
        }))
        .filter((point) => point.at <= duration),
      pxPerSecond,
    ),
    ...mergeClose(
      'note',
      notes
        .filter((note) => note.at <= duration)
        .map((note) => ({
          key: `n${note.id}`,
          at: note.at,
          name: noteMarkerName(note),
          summary: firstWords(note.text) || 'Marked moment',
        })),
      pxPerSecond,
    ),
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
    group?.querySelectorAll<HTMLButtonElement>('button')[to]?.focus();
  };

  const showTip = (button: HTMLButtonElement) => {
    if (group) placeTip(button, group.parentElement ?? group);
  };

  return (
    <div ref={setGroup} className="seek-markers" role="group" aria-label="Chapter and note markers">
      {markers.map((marker, index) => (
        <button
          key={marker.key}
          type="button"
          className={`seek-marker seek-marker--${marker.kind}${marker.merged ? ' seek-marker--merged' : ''}`}
          style={{ '--at': `${((marker.at / duration) * 100).toFixed(3)}%` } as CSSProperties}
          aria-label={marker.name}
          tabIndex={index === focusable ? 0 : -1}
          onClick={() => onJump(marker.at)}
          onKeyDown={(event) => onKeyDown(event, index)}
          onPointerEnter={(event) => showTip(event.currentTarget)}
          onFocus={(event) => showTip(event.currentTarget)}
        >
          <span className="seek-marker__tip" aria-hidden="true">
            {marker.tip.map((line, at) => (
              <span key={at} className="seek-marker__tip-line">
                {line}
              </span>
            ))}
          </span>
        </button>
      ))}
    </div>
  );
}
