/**
 * One paragraph of the transcript: the speaker (when it changes), the time, the words. Not a button:
 * a button's text can't be selected, and selecting words to quote them is half of what the list is
 * for. So it is a focusable listitem that the panel activates on click and Enter.
 */
import { memo, type Ref } from 'react';
import { formatTimestamp } from '../../../shared/time';
import type { TranscriptParagraph } from './transcript-paragraphs';
import { TEXT_CLASS } from './transcript-selection';

interface TranscriptItemProps {
  ref: Ref<HTMLLIElement>;
  index: number;
  setSize: number;
  paragraph: TranscriptParagraph;
  timed: boolean;
  current: boolean;
  tabbable: boolean;
  /** Where the virtualizer puts it, in px from the top of the list. */
  offset: number;
  onActivate: (index: number, item: HTMLLIElement) => void;
}

export const TranscriptItem = memo(function TranscriptItem({
  ref,
  index,
  setSize,
  paragraph,
  timed,
  current,
  tabbable,
  offset,
  onActivate,
}: TranscriptItemProps) {
  return (
    <li
      ref={ref}
      data-index={index}
      className={`transcript-item${current ? ' transcript-item--current' : ''}${timed ? ' transcript-item--timed' : ''}`}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      style={{ transform: `translateY(${offset}px)` }}
      onClick={(event) => onActivate(index, event.currentTarget)}
    >
      {paragraph.showSpeaker && <span className="transcript-item__speaker">{paragraph.speaker}</span>}
      {timed && <span className="transcript-item__time">{formatTimestamp(paragraph.start)}</span>}
      <span className={TEXT_CLASS}>{paragraph.text}</span>
    </li>
  );
});
