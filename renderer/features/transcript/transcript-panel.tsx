/**
 * An episode's transcript as a list of paragraphs that follows the audio. Virtualized (a 3-hour
 * episode has ~3,000 cues; use-transcript-virtualizer.ts): only the paragraphs near the view are in
 * the DOM, each with aria-setsize/posinset so screen readers still hear "12 of 480". The one being
 * spoken has aria-current, found by binary search on each tick. Keyboard: one paragraph is in the Tab order
 * (roving tabindex: the one being spoken until the listener moves); ↑/↓, Home and End move between
 * paragraphs, Enter plays from one. Selecting words offers "Add note", which quotes them.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cueIndexAt } from '../../../shared/transcript-cues';
import type { Transcript } from '../../../shared/transcript-types';
import { PlusIcon } from '../../components/icons';
import { TranscriptBar } from './transcript-bar';
import { TranscriptItem } from './transcript-item';
import { toParagraphs } from './transcript-paragraphs';
import { hasSelectionIn } from './transcript-selection';
import { useFollowAlong } from './use-follow-along';
import { useRovingFocus } from './use-roving-focus';
import { useSelectedQuote } from './use-selected-quote';
import { useTranscriptVirtualizer } from './use-transcript-virtualizer';
import './transcript.css';

/** What "Add note" hands the page: the words and the time of the paragraph they begin in. */
export interface TranscriptQuote {
  at: number;
  text: string;
}

export interface TranscriptPanelProps {
  transcript: Transcript;
  /** The playback time in seconds, or undefined when this episode is not the one in the player. */
  position: number | undefined;
  /** Seek there and play (loading this episode first if another one is in the player). */
  onJump: (seconds: number) => void;
  /** Make a note quoting the selected words. */
  onQuote: (quote: TranscriptQuote) => void;
}

type KeyAction = { kind: 'jump' } | { kind: 'scroll' } | { kind: 'move'; to: number };

/** What a key pressed on paragraph `index` does: Enter plays from it, the browser scrolls for
 * Page Up/Down, ↑/↓/Home/End move between paragraphs. */
function keyAction(key: string, index: number, count: number): KeyAction | undefined {
  if (key === 'Enter') return { kind: 'jump' };
  if (key === 'PageDown' || key === 'PageUp') return { kind: 'scroll' };
  const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[key];
  return to === undefined ? undefined : { kind: 'move', to: Math.max(0, Math.min(count - 1, to)) };
}

/** Scrolling that follows the audio glides, unless the listener asked for less motion. */
function scrollBehavior(): 'smooth' | 'auto' {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

export function TranscriptPanel({ transcript, position, onJump, onQuote }: TranscriptPanelProps) {
  const { timed } = transcript;
  const paragraphs = useMemo(() => toParagraphs(transcript.cues, timed), [transcript.cues, timed]);
  const count = paragraphs.length;
  const current = timed && position !== undefined ? cueIndexAt(paragraphs, position) : -1;

  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const roving = useRovingFocus(list, count, current);
  const { tabStop } = roving;

  const virtualizer = useTranscriptVirtualizer(count, scroller, tabStop);
  const scrollTo = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'center', behavior: scrollBehavior() }),
    [virtualizer],
  );
  const stopScrolling = useCallback(() => virtualizer.cancelScroll(), [virtualizer]);
  const { following, pause, resume, toggle } = useFollowAlong(scroller, current, scrollTo, stopScrolling);
  const { quote, clear } = useSelectedQuote(scroller, list, pause);

  const focusItem = (index: number) => {
    roving.focusItem(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  // The page hands a new onJump with each tick of the player; items keep one stable callback.
  const onJumpRef = useRef(onJump);
  useEffect(() => {
    onJumpRef.current = onJump;
  });
  const jump = useCallback(
    (index: number) => {
      const paragraph = paragraphs[index];
      if (!timed || !paragraph) return;
      // The listener picked a place to listen from: follow it from there.
      resume();
      onJumpRef.current(paragraph.start);
    },
    [paragraphs, timed, resume],
  );
  // A click that ends a selection of words is for "Add note", not for a jump.
  const onActivate = useCallback(
    (index: number, item: HTMLLIElement) => {
      if (!hasSelectionIn(item)) jump(index);
    },
    [jump],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(item.dataset.index);
    const action = keyAction(event.key, index, count);
    if (!action) return;
    // Scrolling the list or moving through it is the listener reading elsewhere: stop following.
    if (action.kind === 'scroll') {
      pause(); // and let the browser scroll
      return;
    }
    event.preventDefault();
    if (action.kind === 'jump') {
      jump(index);
      return;
    }
    pause();
    focusItem(action.to);
  };

  const addNote = () => {
    if (!quote) return;
    // Untimed paragraphs all start at 0: the note takes the listener's moment instead.
    const at = timed ? (paragraphs[quote.index]?.start ?? 0) : (position ?? 0);
    onQuote({ at, text: quote.text });
    document.getSelection()?.removeAllRanges();
    clear();
    // The button goes away; focus goes to the paragraph quoted rather than falling to the page.
    focusItem(quote.index);
  };

  return (
    <div className="transcript-panel">
      <TranscriptBar
        timed={timed}
        following={following}
        playing={position !== undefined}
        onToggle={toggle}
        onBackToNow={resume}
      />
      <div ref={setScroller} className="transcript-panel__scroller">
        <ol
          ref={setList}
          className="transcript-list"
          aria-label="Transcript"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={roving.onFocus}
          onBlur={roving.onBlur}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <TranscriptItem
              key={item.key}
              ref={virtualizer.measureElement}
              index={item.index}
              setSize={count}
              paragraph={paragraphs[item.index]!}
              timed={timed}
              current={item.index === current}
              tabbable={item.index === tabStop}
              offset={item.start}
              onActivate={onActivate}
            />
          ))}
        </ol>
        {quote && <QuoteButton top={quote.top} left={quote.left} onAdd={addNote} />}
      </div>
    </div>
  );
}

/** "Add note", just below the selected words. */
function QuoteButton({ top, left, onAdd }: { top: number; left: number; onAdd: () => void }) {
  return (
    <button
      type="button"
      className="button button--small button--primary transcript-panel__quote"
      style={{ top, left }}
      // Pressing the button must not clear the selection it is about to quote.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAdd}
    >
      <PlusIcon /> Add note
    </button>
  );
}
