/**
 * Bare http(s) URLs in plain text, for the two places that turn them into links: show notes (in
 * DOMPurify's inert document) and the listener's own notes (as React elements).
 */

/** An http(s) URL in text: up to whitespace, or a character that can't be in a URL typed into text. */
const BARE_URL = /https?:\/\/[^\s<>"'`]+/gi;

export type TextPart = string | { url: string };

/** Text cut into plain runs and URLs. Sentence punctuation and an unmatched ")" or "]" after a URL stay text. */
export function splitBareUrls(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = trimUrlEnd(match[0]);
    if (!/^https?:\/\/[^/?#]/i.test(url)) continue;
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push({ url });
    from = match.index + url.length;
  }
  if (from < text.length || parts.length === 0) parts.push(text.slice(from));
  return parts;
}

function trimUrlEnd(url: string): string {
  const count = (s: string, c: string) => s.split(c).length - 1;
  let end = url.length;
  for (;;) {
    const head = url.slice(0, end);
    const last = head[end - 1];
    const unmatched =
      (last === ')' && count(head, ')') > count(head, '(')) || (last === ']' && count(head, ']') > count(head, '['));
    if (last && (/[.,;:!?*]/.test(last) || unmatched)) end--;
    else return head;
  }
}
