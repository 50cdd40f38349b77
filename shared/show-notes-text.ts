// Show-note HTML as plain text lines, as a browser renders it: the first step of finding chapters in show notes.
import { decodeHTML } from 'entities';

/** Tags that end a line when a browser renders them. Everything else is removed, keeping its text. */
const LINE_BREAK_TAGS =
  /<\/?(?:br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-z][^<>]*>/gi;

/**
 * Show-notes HTML as plain lines: block tags and <br> become line breaks, entities are decoded as a browser
 * decodes them (every named HTML entity, numeric ones; an invalid number becomes U+FFFD).
 */
export function showNotesToText(html: string): string {
  const withoutHidden = removeBetween(
    removeBetween(removeBetween(html, '<!--', '-->'), '<script', '</script'),
    '<style',
    '</style',
  );
  return decodeHTML(withoutHidden.replace(LINE_BREAK_TAGS, '\n').replace(ANY_TAG, ''))
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

/** Removes every open…close span (case-insensitive), with indexOf so hostile input stays linear. */
function removeBetween(text: string, open: string, close: string): string {
  const lower = text.toLowerCase();
  let result = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) return result + text.slice(from);
    result += text.slice(from, start);
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return result;
    const tagEnd = lower.indexOf('>', end);
    from = tagEnd < 0 ? text.length : tagEnd + 1;
  }
}
