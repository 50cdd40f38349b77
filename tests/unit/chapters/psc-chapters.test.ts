import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chaptersFromPsc } from '../../../electron/core/chapters/psc-chapters.js';
import { FeedParser } from '../../../electron/core/feeds/feed-parser.js';
import { readFeed } from '../../../electron/core/feeds/read-feed.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const suiteDir = path.join(repoRoot, 'tests/fixtures/podcastparser');

describe('chaptersFromPsc (Podlove Simple Chapters)', () => {
  const parser = new FeedParser();
  afterAll(() => parser.close());

  it("podcastparser's chapters.rss through the real feed mapping gives its expected chapters", async () => {
    // Fail loudly rather than skip, like the feed conformance suite: the feeds are vendored in the repo.
    expect(existsSync(suiteDir), `the vendored podcastparser feeds are missing from ${suiteDir}`).toBe(true);
    const xml = readFileSync(path.join(suiteDir, 'chapters.rss'), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(suiteDir, 'chapters.json'), 'utf8')) as {
      episodes: { chapters: { start: number; title: string; href?: string; image?: string }[] }[];
    };
    const { episodes } = await readFeed(parser, xml, { feedId: 'f', feedUrl: 'file://tests/data/chapters.rss' });
    const chapters = chaptersFromPsc(episodes[0]!);
    // podcastparser rounds starts to whole seconds; Earmark keeps the fraction ("01:02:03.400").
    expect(chapters.map((c) => ({ ...c, start: Math.floor(c.start) }))).toEqual(
      expected.episodes[0]!.chapters.map((c) => ({ ...c, source: 'psc' })),
    );
    expect(chapters[4]?.start).toBeCloseTo(3723.4, 6);
  });

  it('re-sorts, trims titles and drops non-web links', () => {
    const chapters = chaptersFromPsc({
      pscChapters: [
        { start: 120, title: ' Second ', href: 'javascript:alert(1)' },
        { start: 0, title: 'First', image: 'https://example.com/a.png' },
        { start: Number.NaN, title: 'Broken' },
      ],
    });
    expect(chapters).toEqual([
      { start: 0, title: 'First', image: 'https://example.com/a.png', source: 'psc' },
      { start: 120, title: 'Second', source: 'psc' },
    ]);
  });

  it('an episode without psc chapters has none', () => {
    expect(chaptersFromPsc({})).toEqual([]);
  });
});
