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

export function sanitizeShowNotes(html: string): string {
  const body = purifier.sanitize(withoutInlineCode(html), { ...config, RETURN_DOM: true });
  linkifyBareUrls(body);
  return body.innerHTML;
}

/** An http(s) URL in text: up to whitespace, or a character that can't be in a URL typed into text. */
const BARE_URL = /https?:\/\/[^\s<>"'`]+/gi;

/** Bare URLs in text (not inside a link) become links. Works on DOMPurify's inert document. */
function linkifyBareUrls(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    if (text.parentElement?.closest('a')) continue;
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

/** Text cut into plain runs and URLs. Sentence punctuation and an unmatched ")" or "]" after a URL stay text. */
function splitBareUrls(text: string): (string | { url: string })[] {
  const parts: (string | { url: string })[] = [];
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

/**
 * The markup without event-handler and style attributes, <style> and <script> elements: a scan of
 * tags and attributes as the HTML tokenizer reads them, so nothing that carries code reaches a parser.
 * Not the security boundary (DOMPurify is); a tag this reads differently only costs a console error.
 */
export function withoutInlineCode(html: string): string {
  const n = html.length;
  const isSpace = (at: number) => /[\t\n\f\r ]/.test(html.charAt(at));
  const endsName = (at: number) => /[\t\n\f\r />=]/.test(html.charAt(at));
  let out = '';
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return out + html.slice(i);
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      i = commentEnd(html, lt + 4);
      out += html.slice(lt, i);
      continue;
    }
    const nameAt = html[lt + 1] === '/' ? lt + 2 : lt + 1;
    if (!/[a-z]/i.test(html.charAt(nameAt))) {
      const next = html.charAt(lt + 1);
      const bogus = next === '!' || next === '?' || (next === '/' && lt + 2 < n && html[lt + 2] !== '>');
      if (bogus) {
        // "<!doctype", "<?x", "</3": a bogus comment up to the next ">" (which can't open a tag inside).
        const gt = html.indexOf('>', lt);
        i = gt < 0 ? n : gt + 1;
      } else {
        i = lt + 1; // a lone "<" is text; "</>" is ignored
      }
      out += html.slice(lt, i);
      continue;
    }
    // A start or end tag (an end tag's attributes are dropped by the parser, but bound the tag the same way).
    let j = nameAt;
    while (j < n && !/[\t\n\f\r />]/.test(html.charAt(j))) j++;
    const tagName = nameAt === lt + 1 ? html.slice(lt + 1, j).toLowerCase() : '';
    let tag = html.slice(lt, j);
    // Attributes until ">": whitespace and "/" separate them; a value is quoted or runs to whitespace or ">".
    for (;;) {
      let k = j;
      while (k < n && (isSpace(k) || html[k] === '/')) k++;
      if (k >= n || html[k] === '>') {
        tag += html.slice(j, k + 1);
        j = k + 1;
        break;
      }
      let end = k + 1;
      while (end < n && !endsName(end)) end++;
      const name = html.slice(k, end);
      let v = end;
      while (v < n && isSpace(v)) v++;
      if (html[v] === '=') {
        v++;
        while (v < n && isSpace(v)) v++;
        const quote = html[v];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, v + 1);
          v = close < 0 ? n : close + 1;
        } else {
          while (v < n && !isSpace(v) && html[v] !== '>') v++;
        }
        end = v;
      }
      tag += /^(?:on|style$)/i.test(name) ? ' ' : html.slice(j, end);
      j = end;
    }
    i = j;
    if (tagName === 'style' || tagName === 'script') {
      // Their content is raw text up to the closing tag; DOMPurify drops it with the element anyway.
      const close = new RegExp(`</${tagName}[^>]*>?`, 'gi');
      close.lastIndex = i;
      i = close.exec(html) ? close.lastIndex : n;
    } else {
      out += tag;
    }
  }
  return out;
}

/** Where a comment whose text starts at `from` ends: "-->", "--!>", or at once for "<!-->" and "<!--->". */
function commentEnd(html: string, from: number): number {
  if (html.startsWith('>', from)) return from + 1;
  if (html.startsWith('->', from)) return from + 2;
  const ends = [html.indexOf('-->', from), html.indexOf('--!>', from)].filter((at) => at >= 0);
  if (ends.length === 0) return html.length;
  const end = Math.min(...ends);
  return end + (html.startsWith('-->', end) ? 3 : 4);
}

/** Notes without any block markup are plain text: their newlines must show. */
export function looksLikePlainText(html: string): boolean {
  return !/<(p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table)\b/i.test(html);
}
