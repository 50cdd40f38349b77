/**
 * Show notes are untrusted HTML from the feed. We keep only text formatting, lists, links and
 * images; links may only go to http(s) or mailto and always open outside the app (Electron's
 * window-open handler, or a new browser tab) with no opener and no referrer. Bare http(s) URLs in
 * the text become such links too.
 *
 * DOMPurify parses into an inert DOMParser document (nothing loads, nothing runs), but Chromium still
 * checks the page's CSP for every inline handler, style attribute and <style> element it parses there
 * and logs a "blocked" error for each. So those are cut from the markup before anything parses it.
 */
import DOMPurify from 'dompurify';
import render from 'dom-serializer';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode } from 'domhandler';
import { formatTimestamp, parseTimestamp } from '../../../shared/time';
import { splitBareUrls } from '../../lib/bare-urls';

// A private instance: hooks added here must not leak into any other use of DOMPurify.
const purifier = DOMPurify(window);

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

function openOutside(link: Element): void {
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href')?.trim() ?? '';
    // An <a> without href is plain text (show-notes.css keeps it from looking like a link).
    if (!SAFE_LINK.test(href)) node.removeAttribute('href');
    openOutside(node);
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src')?.trim() ?? '';
    if (!SAFE_IMAGE.test(src)) node.remove();
    else {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  }
});

const config = {
  ALLOWED_TAGS: [
    'a',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'small',
    'sub',
    'sup',
    'mark',
    'code',
    'pre',
    'kbd',
    'p',
    'br',
    'hr',
    'div',
    'span',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'src', 'alt', 'target', 'rel', 'loading', 'referrerpolicy', 'colspan', 'rowspan'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // Content of dropped containers like <script>/<style> must go too, not just the tags.
  FORBID_TAGS: ['script', 'style', 'iframe', 'form', 'input', 'button', 'textarea', 'select', 'object', 'embed'],
  KEEP_CONTENT: true,
  ALLOW_DATA_ATTR: false,
};

export interface ShowNotesOptions {
  /** Timestamps ("12:30") become buttons that play the episode from there (not past this many seconds). */
  timestampsUpTo?: number;
}

export function sanitizeShowNotes(html: string, options: ShowNotesOptions = {}): string {
  const body = purifier.sanitize(withoutInlineCode(html), { ...config, RETURN_DOM: true });
  linkifyBareUrls(body);
  if (options.timestampsUpTo !== undefined) timestampButtons(body, options.timestampsUpTo);
  return body.innerHTML;
}

/**
 * m:ss or h:mm:ss standing alone: not part of a longer number, a ratio or a version ("1:2:3:4"), and
 * not a clock time ("4:20 PM").
 */
const TIMESTAMP = /(?<![\d:.])(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:]|\s*[ap]\.?m\b)/gi;

/**
 * Timestamps in the text (not inside a link) become `<button data-seconds>`, added after sanitizing
 * (the sanitizer allows neither buttons nor data attributes from the feed), so a click can play the
 * episode from that moment, as Pocket Casts and AntennaPod do. Times past the episode stay text.
 */
function timestampButtons(root: Element, upTo: number): void {
  const doc = root.ownerDocument;
  for (const text of textOutsideLinks(root)) {
    const parts: (string | Node)[] = [];
    let at = 0;
    for (const match of text.data.matchAll(TIMESTAMP)) {
      const seconds = parseTimestamp(match[0]);
      if (seconds === undefined || seconds > upTo) continue;
      parts.push(text.data.slice(at, match.index));
      const button = doc.createElement('button');
      button.setAttribute('type', 'button');
      button.setAttribute('class', 'show-notes__time');
      button.setAttribute('data-seconds', String(seconds));
      button.setAttribute('aria-label', `Play from ${formatTimestamp(seconds)}`);
      button.textContent = match[0];
      parts.push(button);
      at = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    parts.push(text.data.slice(at));
    text.replaceWith(...parts);
  }
}

/** The text nodes under `root` that are not inside a link, collected first so callers may replace them. */
function textOutsideLinks(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (!text.parentElement?.closest('a')) texts.push(text);
  }
  return texts;
}

/** Bare URLs in text (not inside a link) become links. Works on DOMPurify's inert document. */
function linkifyBareUrls(root: Element): void {
  const doc = root.ownerDocument;
  for (const text of textOutsideLinks(root)) {
    const parts = splitBareUrls(text.data);
    if (parts.length === 1 && typeof parts[0] === 'string') continue;
    text.replaceWith(
      ...parts.map((part) => {
        if (typeof part === 'string') return part;
        const link = doc.createElement('a');
        link.setAttribute('href', part.url);
        openOutside(link);
        link.textContent = part.url;
        return link;
      }),
    );
  }
}

/**
 * The markup without event-handler and style attributes, <style> and <script> elements, so nothing
 * that carries code reaches the page's parser. htmlparser2 reads it (no DOM, no CSP checks) and
 * dom-serializer writes it back. Not the security boundary (DOMPurify is): where htmlparser2 reads a
 * malformed tag differently from a browser, the only cost is a console error.
 */
export function withoutInlineCode(html: string): string {
  const doc = parseDocument(html);
  // Only elements and text stay. Comments, <!...> declarations and raw-text elements go whole: a
  // browser may end them elsewhere than htmlparser2 does ("--!>", "<!>"), and DOMPurify drops them anyway.
  const unwanted = (node: AnyNode) => !(isTag(node) || isText(node)) || isRawText(node);
  for (const node of DomUtils.filter(unwanted, doc.children)) DomUtils.removeElement(node);
  for (const element of DomUtils.findAll(() => true, doc.children)) {
    for (const name of Object.keys(element.attribs)) {
      if (/^(?:on|style$)/i.test(name)) delete element.attribs[name];
    }
  }
  return render(doc, { encodeEntities: 'utf8' });
}

const RAW_TEXT = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'template',
  'textarea',
  'title',
]);

function isRawText(node: AnyNode): boolean {
  return isTag(node) && RAW_TEXT.has(node.name.toLowerCase());
}

/** Notes without any block markup are plain text: their newlines must show. */
export function looksLikePlainText(html: string): boolean {
  return !/<(p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table)\b/i.test(html);
}
