// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowNotes } from '../../renderer/features/episode/show-notes';
import { withoutInlineCode } from '../../renderer/features/episode/sanitize';
import { previewText } from '../../renderer/lib/plain-text';

const hostile =
  '<p>Kept.</p><script>window.__xss=1</script><p><img src=x onerror="window.__xss=2"> Image.</p>' +
  '<p style="color:red" ONCLICK=\'window.__xss=3\'>A <a href="javascript:window.__xss=4">bad link</a>.</p>' +
  '<style>p{display:none}</style><img/src="x"/onerror=window.__xss=5>';

/** Every string handed to an HTML parser in the page (DOMParser or innerHTML) while fn ran. */
function markupParsedDuring(fn: () => void): string[] {
  const parsed: string[] = [];
  const parseFromString = DOMParser.prototype.parseFromString;
  const parse = vi.spyOn(DOMParser.prototype, 'parseFromString').mockImplementation(function (
    this: DOMParser,
    markup,
    type,
  ) {
    parsed.push(String(markup));
    return parseFromString.call(this, markup, type);
  });
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  const setInner = vi.spyOn(Element.prototype, 'innerHTML', 'set').mockImplementation(function (this: Element, markup) {
    parsed.push(String(markup));
    innerHTML.set!.call(this, markup);
  });
  try {
    fn();
  } finally {
    parse.mockRestore();
    setInner.mockRestore();
  }
  return parsed;
}

afterEach(() => {
  cleanup();
  delete (window as { __xss?: unknown }).__xss;
});

describe('feed HTML never reaches a parser with code in it', () => {
  it('show notes: no parser is handed a handler, style or script (Chromium reports those to the CSP)', () => {
    const parsed = markupParsedDuring(() => render(<ShowNotes html={hostile} />));
    expect(parsed.length).toBeGreaterThan(0);
    for (const markup of parsed) expect(markup).not.toMatch(/onerror|onclick|style/i);
    expect(screen.getByText('Kept.')).toBeTruthy();
    expect(document.querySelectorAll('[onerror], [onclick], [style], script, style, img')).toHaveLength(0);
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('list previews and feed descriptions are read as text, with no parser at all', () => {
    const parsed = markupParsedDuring(() => {
      expect(previewText(hostile)).toBe('Kept. Image. A bad link.');
    });
    expect(parsed).toEqual([]);
  });

  it.each([
    ['<img src="a.png" onerror="x()" alt="a">', '<img src="a.png" alt="a">'],
    ['<IMG SRC=a.png OnLoad=x()>', '<img src="a.png">'],
    ['<p title="onclick=x() style=y">t</p>', '<p title="onclick=x() style=y">t</p>'],
    ['<p data-x=1 style = "a:b">t</p>', '<p data-x="1">t</p>'],
    ['a < b <!-- <img onerror=x> --> c', 'a &lt; b  c'],
    ['x<script>"</script>"<img onerror=1>"</script>y<STYLE>p{}</style >z', 'x"<img>"yz'],
    ['<style>never closed', ''],
    ['<p title="unterminated onclick=x>t', ''],
    ['<!><style>x', 'x'],
    ['Tom &amp; Jerry &lt;3 caf&eacute;', 'Tom &amp; Jerry &lt;3 café'],
  ])('cuts code-carrying markup from %j', (html, expected) => {
    expect(withoutInlineCode(html)).toBe(expected);
  });

  it('whatever the markup, what a spec parser reads from the result has no handler, style or script', () => {
    const piece = fc.constantFrom(
      ...[
        '<',
        '>',
        '/',
        '=',
        '"',
        "'",
        ' ',
        '\n',
        'a',
        'x',
        '-',
        '!',
        '?',
        '<p',
        '<img',
        '</',
        '<!--',
        '-->',
        '--!>',
        '<!',
        'on',
        'onerror',
        'style',
      ],
      ...['script', 'STYLE', '<script>', '</script>', '<style>', '</style>', '<svg>', '<math>', '<textarea>'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const doc = new DOMParser().parseFromString(withoutInlineCode(pieces.join('')), 'text/html');
        const attributes = Array.from(doc.querySelectorAll('*')).flatMap((element) =>
          Array.from(element.attributes, (attribute) => attribute.name),
        );
        expect(attributes.filter((name) => /^on|^style$/i.test(name))).toEqual([]);
        expect(doc.querySelector('script, style')).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('show notes links', () => {
  it('a bare URL in the text becomes a link that opens outside, like the notes own links', () => {
    render(
      <ShowNotes html="<p>My course<br>coursehttps://courses.example.com (see https://example.com/a_(b)), or <a href='https://x.example/'>https://x.example/</a>.</p>" />,
    );
    const course = screen.getByRole('link', { name: 'https://courses.example.com' });
    expect(course.getAttribute('href')).toBe('https://courses.example.com');
    expect(course.getAttribute('target')).toBe('_blank');
    expect(course.getAttribute('rel')).toBe('noopener noreferrer');
    expect(course.previousSibling?.textContent).toBe('course');
    expect(screen.getByRole('link', { name: 'https://example.com/a_(b)' }).getAttribute('href')).toBe(
      'https://example.com/a_(b)',
    );
    // The URL already inside a link is left as it is: one link, not a link in a link.
    expect(screen.getAllByRole('link', { name: 'https://x.example/' })).toHaveLength(1);
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('sentence punctuation after a bare URL, and plain-text notes, stay text', () => {
    render(<ShowNotes html={'Links:\nhttps://a.example/x. And http://b.example, then ftp://c.example and https://'} />);
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://a.example/x',
      'http://b.example',
    ]);
  });

  it('a link whose unsafe address was removed is not a link', () => {
    render(<ShowNotes html='<p>A <a href="javascript:alert(1)">bad link</a> here.</p>' />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('bad link').getAttribute('href')).toBeNull();
  });
});

describe('previewText', () => {
  it('adds no space at inline elements, and one at blocks and line breaks', () => {
    expect(
      previewText('<p>See the <a href="https://x.example">notes page</a>. <b>Bold</b>, <i>it</i>!</p><p>Next</p>'),
    ).toBe('See the notes page. Bold, it! Next');
    expect(previewText('one<br>two<div>three</div><ul><li>four</li><li>five</li></ul>')).toBe(
      'one two three four five',
    );
    expect(previewText('Tom &amp; Jerry&#39;s &ldquo;show&rdquo;&nbsp;notes')).toBe("Tom & Jerry's “show” notes");
  });

  it('cuts long text at a word', () => {
    expect(previewText('<p>alpha beta gamma</p>', 12)).toBe('alpha beta…');
  });
});
