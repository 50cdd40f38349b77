/**
 * Property tests of the show-notes chapter parser (shared/chapters.ts). Show notes are untrusted text:
 * whatever they hold, chaptersFromShowNotes answers a list a player can use (never throws, starts finite,
 * non-negative, strictly increasing and inside the episode), and a well-formed list in any of the shapes
 * real shows use is read back exactly.
 */
import fc from 'fast-check';
import './seed.js';
import { describe, expect, it } from 'vitest';
import { chaptersFromShowNotes, showNotesToText } from '../../../shared/chapters.js';
import type { Chapter } from '../../../shared/types.js';

/** What every answer must satisfy, whatever the notes held. */
function expectUsable(chapters: Chapter[], duration: unknown): void {
  expect(Array.isArray(chapters)).toBe(true);
  const usableDuration = typeof duration === 'number' && Number.isFinite(duration) && duration > 0;
  chapters.forEach((chapter, i) => {
    expect(typeof chapter.start).toBe('number');
    expect(Number.isFinite(chapter.start)).toBe(true);
    expect(chapter.start).toBeGreaterThanOrEqual(0);
    if (usableDuration) expect(chapter.start).toBeLessThan(duration);
    // Sorted with no duplicate starts: strictly increasing.
    if (i > 0) expect(chapter.start).toBeGreaterThan(chapters[i - 1]!.start);
    expect(typeof chapter.title).toBe('string');
    expect(chapter.title.length).toBeGreaterThan(0);
    expect(chapter.title).toBe(chapter.title.trim());
    expect(chapter.source).toBe('show-notes');
  });
}

/** Every kind of duration a caller could pass, including ones that must be ignored. */
const anyDuration = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, -1, Number.MIN_VALUE),
  fc.double({ min: 0, max: 6 * 3600, noNaN: true }),
  fc.double(),
  fc.integer({ min: 1, max: 4 * 3600 }),
);

const lonelySurrogates = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

/** Pieces of show notes: timestamps in every shape (and near misses), HTML, entities, separators and words. */
const timestamp = fc.oneof(
  fc.constantFrom('0:00', '00:00', '12:30', '1:02:03', '[00:12:30]', '2;00', '(1:38)', '00:00:00', '59:59', '999:59'),
  fc.constantFrom('99:99', '1:60', '10:30:45:12', '8.0.38', '150ms', '29min', '10:30 am', '5:00 PM', '0:00-5:00'),
  fc.tuple(fc.nat(1000), fc.nat(99), fc.option(fc.nat(99))).map(([a, b, c]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return c === null ? `${a}:${two(b)}` : `${a}:${two(b)}:${two(c)}`;
  }),
);
const markup = fc.constantFrom(
  '<p>',
  '</p>',
  '<br>',
  '<br/>',
  '<li>',
  '</li>',
  '<ul>',
  '<a href="https://x.example/#t=1:38">',
  '</a>',
  '<b>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<',
  '>',
  '&amp;',
  '&nbsp;',
  '&#58;',
  '&#x3A;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&bogus;',
  '&',
);
const separators = fc.constantFrom(
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\t',
  '\u00a0',
  ' - ',
  ' — ',
  ' | ',
  ': ',
  '• ',
);
const words = fc.constantFrom(
  'Intro',
  'Sockets',
  'Q&A',
  'timestamps',
  'Summary',
  'x',
  'am',
  'min',
  'to',
  'https://e.x/a',
);
const showNoteLike = fc
  .array(fc.oneof(timestamp, markup, separators, words, fc.string({ maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('chaptersFromShowNotes on any text', () => {
  it('never throws and answers a usable list for any string and any duration', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), lonelySurrogates), anyDuration, (notes, d) => {
        expectUsable(chaptersFromShowNotes(notes, d), d);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and answers a usable list for show-note-like text mixing timestamps, HTML and entities', () => {
    fc.assert(
      fc.property(showNoteLike, anyDuration, (notes, d) => {
        expectUsable(chaptersFromShowNotes(notes, d), d);
      }),
      { numRuns: 600 },
    );
  });

  it('a duration that is not a positive finite number is ignored, as if none were given', () => {
    const unusable = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, -5);
    fc.assert(
      fc.property(showNoteLike, unusable, (notes, d) => {
        expect(chaptersFromShowNotes(notes, d)).toEqual(chaptersFromShowNotes(notes));
      }),
      { numRuns: 200 },
    );
  });

  it('with a whole-second duration, no start reaches it', () => {
    fc.assert(
      fc.property(showNoteLike, fc.integer({ min: 1, max: 4 * 3600 }), (notes, d) => {
        const bounded = chaptersFromShowNotes(notes, d);
        expect(bounded.every((c) => c.start < d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('showNotesToText never throws, and text without "<" or "&" only has its spaces normalised', () => {
    fc.assert(
      fc.property(fc.oneof(showNoteLike, fc.string({ unit: 'binary' }), lonelySurrogates), (html) => {
        const text = showNotesToText(html);
        expect(typeof text).toBe('string');
        if (!/[<&]/.test(html)) {
          expect(text).toBe(html.replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, ''));
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---- well-formed lists are read back exactly ----

/** Words that can open a title without looking like a unit ("am", "min", "to" would). */
const titleWords = ['Intro', 'Sockets', 'Queues', 'Summary', 'Why Postgres', 'The kernel', 'Part two', 'Wrap up'];
const title = fc
  .array(fc.constantFrom(...titleWords, 'Q&A', 'listener questions', 'and', 'of', 'HTTP/2', "What's new?"), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(' '))
  .filter((t) => titleWords.some((w) => t.startsWith(w)));

type TimeStyle = 'm:ss' | 'mm:ss' | 'h:mm:ss' | 'hh:mm:ss' | 'semicolon';
const two = (n: number) => String(n).padStart(2, '0');
function formatTime(seconds: number, style: TimeStyle): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const minutes = Math.floor(seconds / 60);
  switch (style) {
    case 'm:ss':
      return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
    case 'mm:ss':
      // Minutes past the hour are allowed as mmm:ss ("75:00").
      return minutes < 1000 ? `${two(minutes)}:${two(s)}` : `${h}:${two(m)}:${two(s)}`;
    case 'h:mm:ss':
      return `${h}:${two(m)}:${two(s)}`;
    case 'hh:mm:ss':
      return `${two(h)}:${two(m)}:${two(s)}`;
    case 'semicolon':
      return h > 0 ? `${h};${two(m)};${two(s)}` : `${m};${two(s)}`;
  }
}

type LineStyle = (time: string, title: string) => string;
const lineStyles: Record<string, LineStyle> = {
  'time title': (t, x) => `${t} ${x}`,
  'time - title': (t, x) => `${t} - ${x}`,
  'time — title': (t, x) => `${t} — ${x}`,
  '[time] title': (t, x) => `[${t}] ${x}`,
  '(time) title': (t, x) => `(${t}) ${x}`,
  '- time title': (t, x) => `- ${t} ${x}`,
  '• time title': (t, x) => `• ${t} ${x}`,
  'title - time': (t, x) => `${x} - ${t}`,
  'title (time)': (t, x) => `${x} (${t})`,
  'title: time': (t, x) => `${x}: ${t}`,
};
type Joiner = (lines: string[]) => string;
const joiners: Record<string, Joiner> = {
  '\\n': (lines) => lines.join('\n'),
  '\\r\\n': (lines) => lines.join('\r\n'),
  '<br>': (lines) => lines.join('<br>'),
  '<p>': (lines) => lines.map((line) => `<p>${line.replace(/&/g, '&amp;')}</p>`).join(''),
  '<li>': (lines) => `<ul>${lines.map((line) => `<li>${line.replace(/&/g, '&amp;')}</li>`).join('')}</ul>`,
};

const chapterList = fc
  .record({
    first: fc.integer({ min: 0, max: 60 }),
    gaps: fc.array(fc.integer({ min: 1, max: 40 * 60 }), { minLength: 1, maxLength: 12 }),
    titles: fc.array(title, { minLength: 13, maxLength: 13 }),
    timeStyle: fc.constantFrom<TimeStyle>('m:ss', 'mm:ss', 'h:mm:ss', 'hh:mm:ss', 'semicolon'),
    lineStyle: fc.constantFrom(...Object.keys(lineStyles)),
    joiner: fc.constantFrom(...Object.keys(joiners)),
    prose: fc.boolean(),
    durationPadding: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
  })
  .map((spec) => {
    const starts = [spec.first];
    for (const gap of spec.gaps) starts.push(starts[starts.length - 1]! + gap);
    const expected = starts.map((start, i) => ({ start, title: spec.titles[i]! }));
    const lines = expected.map((c) => lineStyles[spec.lineStyle]!(formatTime(c.start, spec.timeStyle), c.title));
    const body = joiners[spec.joiner]!(
      spec.prose ? ['Welcome back to the show.', '', ...lines, '', 'Thanks for listening!'] : lines,
    );
    const duration = spec.durationPadding === undefined ? undefined : starts[starts.length - 1]! + spec.durationPadding;
    return { notes: body, duration, expected, spec };
  });

describe('chaptersFromShowNotes on well-formed chapter lists', () => {
  it('reads back every start and title, in every shape real shows use', () => {
    fc.assert(
      fc.property(chapterList, ({ notes, duration, expected }) => {
        const found = chaptersFromShowNotes(notes, duration).map(({ start, title }) => ({ start, title }));
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same chapters whether the lines are plain text or wrapped in HTML paragraphs', () => {
    const plainLines = fc
      .array(
        fc.oneof(
          showNoteLike,
          chapterList.map((l) => l.notes),
        ),
        { maxLength: 6 },
      )
      .map((parts) =>
        parts
          .join('\n')
          .split(/\r\n|[\r\n\u2028\u2029]/)
          // Plain text stays plain: without "<" and "&" the HTML reading and the text reading agree.
          .map((line) => line.replace(/[<&]/g, ' ')),
      );
    fc.assert(
      fc.property(plainLines, anyDuration, (lines, d) => {
        const plain = chaptersFromShowNotes(lines.join('\n'), d);
        expect(chaptersFromShowNotes(lines.map((line) => `<p>${line}</p>`).join(''), d)).toEqual(plain);
        expect(chaptersFromShowNotes(lines.join('<br />\r\n'), d)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});
