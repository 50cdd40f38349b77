import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import xml2js from 'xml2js';
import { buildOpml, MAX_OPML_DEPTH, MAX_OPML_FEEDS, OpmlError, parseOpml } from '../../../electron/core/feeds/opml.js';
import { feedUrlOf } from '../../../electron/core/feeds/opml-import.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/opml');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('parseOpml', () => {
  it('finds feeds nested in categories, at any depth, in document order', async () => {
    expect(await parseOpml(fixture('nested-categories.opml'))).toEqual([
      { url: 'https://feeds.example.com/postgres-fm.xml', title: 'Postgres FM', htmlUrl: 'https://postgres.fm/' },
      { url: 'https://anchor.fm/s/1eb6d14/podcast/rss', title: 'The Backend Engineering Show' },
      { url: 'https://feeds.example.com/daily.rss', title: 'Daily' },
      { url: 'https://feeds.example.com/top.rss', title: 'Top level show' },
    ]);
  });

  it('reads real-world quirks: no type, url vs xmlUrl, case, HTML entities, double escaping, raw &', async () => {
    const feeds = await parseOpml(fixture('quirks.opml'));
    expect(feeds).toEqual([
      { url: 'https://feeds.example.com/cafe.rss', title: 'Café Chat\u00a0Show' },
      { url: 'https://feeds.example.com/tom.rss', title: 'Tom & Jerry Talk' },
      { url: 'https://feeds.example.com/url-attr.rss', title: 'Url attribute show' },
      { url: 'https://feeds.example.com/shouting.rss', title: 'Shouting exporter' },
      { url: 'https://feeds.example.com/feed?id=7&format=rss', title: 'Query string' },
      { url: 'https://feeds.example.com/cafe.rss', title: 'Café Chat again' },
      { url: 'feed://feeds.example.com/feed-scheme.rss', title: 'Feed scheme' },
      { url: 'itpc://feeds.example.com/itpc.rss', title: 'iTunes scheme' },
      { url: 'ftp://files.example.com/show.rss', title: 'FTP show' },
      { url: 'not a web address', title: 'Broken address' },
    ]);
  });

  it('says in words when a file is not OPML', async () => {
    await expect(parseOpml('<rss><channel/></rss>')).rejects.toThrow(
      new OpmlError('This file is not an OPML subscription list (no <opml> element).'),
    );
    await expect(parseOpml('')).rejects.toBeInstanceOf(OpmlError);
  });

  it('refuses, in words, a file nested 20,000 deep and one listing more shows than an import takes', async () => {
    const deep = `<opml version="2.0"><body>${'<outline text="c">'.repeat(20_000)}<outline xmlUrl="https://a.example/feed"/>${'</outline>'.repeat(20_000)}</body></opml>`;
    await expect(parseOpml(deep)).rejects.toThrow(
      new OpmlError(
        `This file nests its outlines more than ${MAX_OPML_DEPTH} levels deep; no podcast app writes that.`,
      ),
    );
    const outlines = Array.from({ length: MAX_OPML_FEEDS + 1 }, (_, i) => `<outline xmlUrl="https://a.example/${i}"/>`);
    const many = `<opml version="2.0"><body>${outlines.join('')}</body></opml>`;
    await expect(parseOpml(many)).rejects.toThrow(/lists more than 2,000 shows; Earmark imports at most that many/);
    // Exactly the limit, nested a few levels, is fine and keeps document order.
    const nested = `<opml version="2.0"><body><outline text="a">${outlines.slice(0, MAX_OPML_FEEDS - 1).join('')}</outline><outline xmlUrl="https://last.example/"/></body></opml>`;
    const feeds = await parseOpml(nested);
    expect(feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(feeds.at(-1)?.url).toBe('https://last.example/');
  });

  it('returns no feeds for an OPML file without outlines', async () => {
    expect(await parseOpml('<opml version="2.0"><head/><body/></opml>')).toEqual([]);
  });
});

describe('feedUrlOf', () => {
  it.each([
    ['feed://example.com/a.rss', 'http://example.com/a.rss'],
    ['feed:https://example.com/a.rss', 'https://example.com/a.rss'],
    ['itpc://example.com/a.rss', 'http://example.com/a.rss'],
    ['  https://example.com/a.rss ', 'https://example.com/a.rss'],
  ])('turns %s into %s', (raw, url) => {
    expect(feedUrlOf(raw)).toBe(url);
  });

  it('explains what cannot be subscribed', () => {
    expect(feedUrlOf('ftp://x/y')).toEqual({ error: 'Only http and https feeds are supported (this one is ftp).' });
    expect(feedUrlOf('not a web address')).toEqual({ error: 'This is not a web address.' });
  });
});

describe('buildOpml', () => {
  const feeds = [
    {
      url: 'https://feeds.example.com/tom.rss?a=1&b=2',
      title: 'Tom & Jerry "Talk" <live>',
      htmlUrl: 'https://tom.example/',
    },
    { url: 'https://feeds.example.com/cafe.rss', title: 'Café Chat' },
  ];

  it('writes valid OPML 2.0 with titles, type="rss" and escaped attributes', () => {
    const xml = buildOpml(feeds, { title: 'Earmark subscriptions', now: new Date('2025-05-01T10:00:00Z') });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<title>Earmark subscriptions</title>');
    expect(xml).toContain('<dateCreated>Thu, 01 May 2025 10:00:00 GMT</dateCreated>');
    expect(xml).toContain(
      // ">" needs no escaping in an attribute; "<", "&" and the quote do.
      '<outline type="rss" text="Tom &amp; Jerry &quot;Talk&quot; &lt;live>" title="Tom &amp; Jerry &quot;Talk&quot; &lt;live>" xmlUrl="https://feeds.example.com/tom.rss?a=1&amp;b=2" htmlUrl="https://tom.example/"/>',
    );
  });

  it('is well-formed for a strict XML parser, not only for our lenient one', async () => {
    const xml = buildOpml(feeds, { title: 'Earmark subscriptions', now: new Date() });
    const strict = await new xml2js.Parser({ strict: true }).parseStringPromise(xml);
    expect(strict.opml.body[0].outline).toHaveLength(2);
  });

  it('round-trips: what Earmark exports, Earmark imports unchanged', async () => {
    const xml = buildOpml(feeds, { title: 'Earmark subscriptions', now: new Date() });
    expect(await parseOpml(xml)).toEqual(feeds);
  });

  it('round-trips the real-world fixtures once read', async () => {
    for (const name of ['nested-categories.opml', 'quirks.opml']) {
      const read = await parseOpml(fixture(name));
      expect(await parseOpml(buildOpml(read, { title: 'x', now: new Date() }))).toEqual(read);
    }
  });
});
