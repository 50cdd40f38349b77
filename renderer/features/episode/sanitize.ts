/**
 * Show notes are untrusted HTML from the feed. We keep only text formatting, lists, links and
 * images; links may only go to http(s) or mailto and always open outside the app (Electron's
 * window-open handler, or a new browser tab) with no opener and no referrer.
 */
import DOMPurify from 'dompurify';

// A private instance: hooks added here must not leak into any other use of DOMPurify.
const purifier = DOMPurify(window);

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href')?.trim() ?? '';
    if (!SAFE_LINK.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
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

export function sanitizeShowNotes(html: string): string {
  return purifier.sanitize(html, config);
}

/** Notes without any block markup are plain text: their newlines must show. */
export function looksLikePlainText(html: string): boolean {
  return !/<(p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table)\b/i.test(html);
}
