/**
 * The episode's chapters, each a button "<time> <title>" that jumps there and plays. The listener's
 * notes sit under the chapter they fall in (shared groupByChapter, the same rule as the Markdown
 * export), as plain text: the Notes panel holds their buttons, so nothing is announced twice.
 */
import { groupByChapter } from '../../../shared/note-groups';
import { formatTimestamp } from '../../../shared/time';
import type { Chapter, Note } from '../../../shared/types';
import { webUrl } from './chapter-math';
import './chapters.css';

interface ChapterListProps {
  chapters: readonly Chapter[];
  notes: readonly Note[];
  /** The chapter playing now; -1 (or absent) when this episode is not the one in the player. */
  currentIndex?: number;
  onJump: (seconds: number) => void;
}

export function ChapterList({ chapters, notes, currentIndex = -1, onJump }: ChapterListProps) {
  const groups = groupByChapter(notes, chapters);
  const before = groups[0]?.chapter ? [] : (groups[0]?.notes ?? []);
  const byChapter = new Map(groups.filter((group) => group.chapter).map((group) => [group.chapter, group.notes]));

  return (
    <>
      {before.length > 0 && <NestedNotes notes={before} label="Notes before the first chapter" />}
      <ol className="chapter-list" aria-label="Chapters">
        {chapters.map((chapter, index) => {
          const current = index === currentIndex;
          const link = webUrl(chapter.href);
          const image = webUrl(chapter.image);
          const nested = byChapter.get(chapter) ?? [];
          return (
            <li key={`${chapter.start}-${index}`} className={`chapter${current ? ' chapter--current' : ''}`}>
              <div className="chapter__row">
                <button
                  type="button"
                  className="chapter__button"
                  aria-current={current ? 'true' : undefined}
                  onClick={() => onJump(chapter.start)}
                >
                  {image && <img className="chapter__image" src={image} alt="" loading="lazy" />}
                  <span className="chapter__time">{formatTimestamp(chapter.start)}</span>{' '}
                  <span className="chapter__title">{chapter.title}</span>
                  {current && (
                    <span className="chapter__now" aria-hidden="true">
                      Now
                    </span>
                  )}
                </button>
                {link && (
                  <a className="chapter__link" href={link} target="_blank" rel="noopener noreferrer">
                    {new URL(link).hostname.replace(/^www\./, '')}
                    <span className="visually-hidden"> (opens in your browser)</span>
                  </a>
                )}
              </div>
              {nested.length > 0 && <NestedNotes notes={nested} label={`Notes in ${chapter.title}`} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function NestedNotes({ notes, label }: { notes: readonly Note[]; label: string }) {
  return (
    <ul className="chapter__notes" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className="chapter__note">
          <span className="chapter__note-time">{formatTimestamp(note.at)}</span>
          <span className={note.text.trim() ? 'chapter__note-text' : 'chapter__note-text chapter__note-text--empty'}>
            {note.text.trim() || 'Marked moment'}
          </span>
        </li>
      ))}
    </ul>
  );
}
