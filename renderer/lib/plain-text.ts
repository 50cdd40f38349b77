import { showNotesToText } from '../../shared/show-notes-text';

/**
 * A one-line preview of show notes (or a feed description) for the list. The HTML is read as text,
 * never parsed into a DOM, and the result is only ever rendered as text by React, so nothing in it
 * can load or run. Block elements and <br> become spaces; inline ones ("<a>page</a>.") add none.
 */
export function previewText(html: string, maxLength = 220): string {
  const text = showNotesToText(html).replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength).replace(/\s+\S*$/, '')}…` : text;
}
