import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNotesMarkdown, episodeNotesMarkdown } from '../../../electron/core/notes/markdown-export.js';
import type { Note } from '../../../shared/types.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/notes');
const golden = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

const EP = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
let n = 0;
const note = (episodeId: string, at: number, text: string): Note => {
  const stamp = new Date(Date.UTC(2024, 4, 1, 10, 0, ++n)).toISOString();
  return { id: `note-${n}`, episodeId, at, text, createdAt: stamp, updatedAt: stamp };
};

const episode = {
  id: EP,
  title: 'Socket vs Connections',
  publishedAt: '2024-04-29T07:00:00.000Z',
  link: 'https://podcasters.spotify.com/pod/show/hnasr/episodes/socket-vs-connections',
  showTitle: 'The Backend Engineering Show with Hussein Nasser',
  enclosure: { url: 'https://anchor.fm/s/c2a5c0/podcast/play/socket.mp3' },
};
const chapters = [
  { start: 0, title: 'Intro' },
  { start: 98, title: 'Socket vs Connections' },
  { start: 600, title: 'Nothing noted here' },
  { start: 3700, title: 'Summary' },
];
const notes = [
  note(EP, 3725.9, 'Past an hour: h:mm:ss'),
  note(EP, 98, 'Exactly at the chapter start'),
  note(EP, 5, 'A socket is a file descriptor'),
  note(EP, 97.9, 'Just before the chapter\nsecond line stays in the item'),
  note(EP, 400, ''),
];

describe('Markdown export', () => {
  it('one episode: title, show, date, episode page, notes as deep links and audio links grouped by chapter (golden file)', () => {
    expect(episodeNotesMarkdown({ episode, notes, chapters })).toBe(golden('episode.md'));
  });

  it('all episodes: one document, episodes without notes left out; notes before chapters first', () => {
    const other = { id: OTHER, title: 'No chapters, no link' };
    const markdown = allNotesMarkdown([
      { episode, notes, chapters },
      { episode: { id: 'aaaaaaaaaaaaaaaa', title: 'Silent' }, notes: [], chapters: [] },
      { episode: other, notes: [note(OTHER, 61, 'Plain list'), note(OTHER, 1, 'First')], chapters: [] },
    ]);
    expect(markdown).toBe(golden('all.md'));
  });

  it("writes a note's quote as a block quote inside its list item, as plain text on one line", () => {
    const quoted = { ...note(EP, 98, 'Why accept matters'), quote: 'The kernel\nholds <b>the</b> [queue](x)' };
    const markdown = episodeNotesMarkdown({ episode, notes: [quoted, note(EP, 99, 'next')], chapters: [] });
    expect(markdown).toContain(
      `- [1:38](earmark://episode/${EP}?t=98) ([audio](${episode.enclosure.url}#t=98)) Why accept matters\n` +
        '  > The kernel holds &lt;b&gt;the&lt;/b&gt; \\[queue\\](x)\n- [1:39]',
    );
  });
});

/**
 * Where each character of `markdown` stands unescaped (a backslash escapes the next character; an
 * escaped backslash escapes nothing), as CommonMark reads it outside code spans.
 */
function unescapedIndexes(markdown: string, char: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if (markdown[i] === char) found.push(i);
  }
  return found;
}

/** Every inline link or image `[label](destination)` whose brackets are not escaped. */
function inlineLinks(markdown: string): { destination: string; image: boolean }[] {
  const opens = new Set(unescapedIndexes(markdown, '['));
  const bangs = new Set(unescapedIndexes(markdown, '!'));
  return [...markdown.matchAll(/\]\(([^)\s]*)\)/g)].flatMap((match) => {
    const open = markdown.lastIndexOf('[', match.index);
    const closed = unescapedIndexes(markdown.slice(open, match.index + 1), ']').length === 1;
    return opens.has(open) && closed ? [{ destination: match[1]!, image: bangs.has(open - 1) }] : [];
  });
}

/**
 * No Markdown library is installed here, so these read the text as CommonMark does. This very output
 * was also rendered once by hand with markdown-it (raw HTML and linkify on), marked (GFM) and
 * micromark (GFM, dangerous HTML and protocols allowed): each made only headings, list items and
 * links to earmark:// moments and http(s) pages.
 */
describe('Markdown export of hostile text renders nothing active', () => {
  const hostile = {
    id: EP,
    title: '<script>alert(1)</script> & [x](javascript:alert(1)) `rm -rf` &lt;b&gt;',
    link: 'javascript:alert(1)',
    showTitle: '<b>Show</b> [x](javascript:alert(1))',
    enclosure: { url: 'javascript:alert(1)' },
  };
  const hostileChapters = [
    { start: 0, title: '<img src=x onerror=alert(1)>' },
    { start: 60, title: '[chapter](javascript:alert(1))' },
  ];
  const hostileNotes = [
    note(EP, 5, '[x](javascript:alert(1))'),
    note(EP, 6, '<a href="javascript:alert(1)">click</a> and <javascript:alert(1)>'),
    note(EP, 7, 'raw javascript:alert(1) stays words'),
    note(EP, 8, '`</code><script>alert(1)</script>` and an unclosed ` tick'),
    note(EP, 9, 'uses [ref] below\n[ref]: javascript:alert(1)'),
    note(
      EP,
      10,
      '![pixel](https://evil.example/p.png) \\[escaped\\](javascript:alert(1)) \\![img](https://evil.example/q.png)',
    ),
    note(EP, 61, 'See [the docs](https://example.com/docs?a=1&b=2) and https://example.org/page_(1)'),
  ];
  const markdown = episodeNotesMarkdown({ episode: hostile, notes: hostileNotes, chapters: hostileChapters });

  it('has no raw HTML and no code span: every < and backtick is escaped', () => {
    expect(markdown).not.toContain('<');
    expect(unescapedIndexes(markdown, '`')).toEqual([]);
    expect(markdown).toContain(
      '## &lt;script&gt;alert(1)&lt;/script&gt; & \\[x\\](javascript:alert(1)) \\`rm -rf\\` &amp;lt;b&amp;gt;',
    );
    expect(markdown).toContain('### &lt;img src=x onerror=alert(1)&gt;');
  });

  it("links only to Earmark's own moments and http(s) pages; javascript: stays words", () => {
    const links = inlineLinks(markdown);
    expect(links.filter((link) => link.image)).toEqual([]);
    expect(links.map((link) => link.destination)).toEqual([
      'earmark://episode/0123456789abcdef?t=5',
      'earmark://episode/0123456789abcdef?t=6',
      'earmark://episode/0123456789abcdef?t=7',
      'earmark://episode/0123456789abcdef?t=8',
      'earmark://episode/0123456789abcdef?t=9',
      'earmark://episode/0123456789abcdef?t=10',
      'https://evil.example/p.png', // a link to click, not an image fetched on sight
      'https://evil.example/q.png',
      'earmark://episode/0123456789abcdef?t=61',
      'https://example.com/docs?a=1&b=2',
    ]);
    expect(markdown).not.toContain('Episode page'); // its address was javascript:
    expect(markdown).not.toContain('[audio]'); // so was the audio's
    expect(markdown).toContain('From &lt;b&gt;Show&lt;/b&gt; \\[x\\](javascript:alert(1))');
    expect(markdown).toContain('- [0:05](earmark://episode/0123456789abcdef?t=5) \\[x\\](javascript:alert(1))');
    expect(markdown).toContain('  \\[ref\\]: javascript:alert(1)');
    expect(markdown).toContain(
      '\\![pixel](https://evil.example/p.png) \\\\\\[escaped\\\\\\](javascript:alert(1)) \\\\\\![img](https://evil.example/q.png)',
    );
  });

  it('keeps a normal note’s web links: [label](https://…) as a link, a bare address as typed', () => {
    expect(markdown).toContain(
      '- [1:01](earmark://episode/0123456789abcdef?t=61) See [the docs](https://example.com/docs?a=1&b=2) and https://example.org/page_(1)',
    );
  });

  it('writes an http(s) episode page with its parentheses encoded, so the link ends where it should', () => {
    const page = episodeNotesMarkdown({
      episode: { ...episode, link: 'https://en.wikipedia.org/wiki/Socket_(networking)' },
      notes: [note(EP, 1, 'x')],
      chapters: [],
    });
    expect(page).toContain('[Episode page](https://en.wikipedia.org/wiki/Socket_%28networking%29)');
  });
});
