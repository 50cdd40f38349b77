/** Sanitized show notes. The sanitizer (not React) is what makes dangerouslySetInnerHTML safe here. */
import { useMemo } from 'react';
import { looksLikePlainText, sanitizeShowNotes } from './sanitize';
import './show-notes.css';

export function ShowNotes({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeShowNotes(html), [html]);
  if (!clean.trim()) return <p className="show-notes show-notes--empty">This episode has no show notes.</p>;
  return (
    <div
      className={`show-notes${looksLikePlainText(html) ? ' show-notes--plain' : ''}`}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
