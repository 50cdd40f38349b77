import { describe, expect, it } from 'vitest';
import {
  parsePodcastChaptersJson,
  readPodcastChaptersJson,
} from '../../../electron/core/chapters/podcast-chapters-json.js';

const BASE = 'https://example.com/ep1/chapters.json';

function parse(value: unknown) {
  const warnings: string[] = [];
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const chapters = parsePodcastChaptersJson(text, { baseUrl: BASE, warn: (m) => warnings.push(m) });
  return { chapters, warnings };
}

describe('parsePodcastChaptersJson (Podcasting 2.0 JSON chapters)', () => {
  it('reads a valid file: start, title, end, url and img', () => {
    const { chapters, warnings } = parse({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Intro', img: 'https://example.com/intro.jpg' },
        { startTime: 98.5, endTime: 470, title: 'Socket vs Connections', url: 'https://example.com/sockets' },
      ],
    });
    expect(warnings).toEqual([]);
    expect(chapters).toEqual([
      { start: 0, title: 'Intro', image: 'https://example.com/intro.jpg', source: 'podcast-chapters' },
      {
        start: 98.5,
        end: 470,
        title: 'Socket vs Connections',
        href: 'https://example.com/sockets',
        source: 'podcast-chapters',
      },
    ]);
  });

  it('hides toc: false chapters (they only change artwork)', () => {
    const { chapters } = parse({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Intro' },
        { startTime: 30, title: 'Sponsor art', toc: false, img: 'https://example.com/ad.png' },
        { startTime: 60, title: 'Main', toc: true },
      ],
    });
    expect(chapters.map((c) => c.title)).toEqual(['Intro', 'Main']);
  });

  it('sorts unsorted chapters by start, keeping the file order for equal starts', () => {
    const { chapters } = parse({
      version: '1.2.0',
      chapters: [
        { startTime: 600, title: 'C' },
        { startTime: 0, title: 'A' },
        { startTime: 120, title: 'B1' },
        { startTime: 120, title: 'B2' },
      ],
    });
    expect(chapters.map((c) => [c.start, c.title])).toEqual([
      [0, 'A'],
      [120, 'B1'],
      [120, 'B2'],
      [600, 'C'],
    ]);
  });

  it('keeps img and url only when http/https; relative ones resolve against the file', () => {
    const { chapters } = parse({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'a', img: 'javascript:alert(1)', url: 'file:///etc/passwd' },
        { startTime: 1, title: 'b', img: 'art/b.png', url: 'data:text/html,x' },
        { startTime: 2, title: 'c', img: 42, url: ['https://x'] },
      ],
    });
    expect(chapters.map(({ href, image }) => ({ href, image }))).toEqual([
      { href: undefined, image: undefined },
      { href: undefined, image: 'https://example.com/ep1/art/b.png' },
      { href: undefined, image: undefined },
    ]);
  });

  it('skips chapters without a usable startTime, with a warning; accepts numeric strings', () => {
    const { chapters, warnings } = parse({
      version: '1.2.0',
      chapters: [{ title: 'no start' }, { startTime: -5, title: 'negative' }, null, { startTime: '90', title: 'ok' }],
    });
    expect(chapters.map((c) => [c.start, c.title])).toEqual([[90, 'ok']]);
    expect(warnings).toEqual([expect.stringContaining('3 chapter(s)')]);
  });

  it.each([
    ['not JSON', '<html>Not found</html>'],
    ['truncated JSON', '{"version":"1.2.0","chapters":[{"startTime":0'],
    ['no chapters list', '{"version":"1.2.0"}'],
    ['chapters not a list', '{"version":"1.2.0","chapters":{"0":"x"}}'],
    ['a bare list', '[{"startTime":0,"title":"x"}]'],
    ['empty text', ''],
  ])('%s → [] and a warning, never a crash', (_why, text) => {
    const { chapters, warnings } = parse(text);
    expect(chapters).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(readPodcastChaptersJson(text).usable).toBe(false);
  });

  it('a valid file with no chapters is usable (and empty)', () => {
    expect(readPodcastChaptersJson('{"version":"1.2.0","chapters":[]}')).toEqual({ chapters: [], usable: true });
  });

  it('tolerates a byte-order mark', () => {
    expect(parsePodcastChaptersJson('\uFEFF{"version":"1","chapters":[{"startTime":0,"title":"x"}]}')).toHaveLength(1);
  });
});
