/**
 * Feeds that are not well-formed XML, through the real pipeline (decode, the parser worker, mapping).
 * Like Python's feedparser: strict first; when that fails on an undefined entity or a stray "&", a loose
 * read keeps them as text; control characters XML forbids are taken out. Every other error still ends
 * the read, and the sentence says what is wrong and where.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../../electron/core/feeds/decode-body.js';
import { FeedParser } from '../../../electron/core/feeds/feed-parser.js';
import { readFeed } from '../../../electron/core/feeds/read-feed.js';
import { fixtureBytes } from './fixtures.js';

const parser = new FeedParser();
afterAll(() => parser.close());

const options = { feedId: 'feed1', feedUrl: 'https://example.com/feed.xml' };
const read = (name: string) => readFeed(parser, decodeFeedBody(fixtureBytes(name)), options);
const readText = (xml: string) => readFeed(parser, xml, options);

describe('malformed but readable feeds are read, flagged with what was repaired', () => {
  it("an undefined entity in escaped show notes (No Agenda's &gtgt;): every episode, the entity kept as text", async () => {
    const { info, episodes, repairs } = await read('undefined-entity.xml');
    expect(info).toMatchObject({ title: 'No Agenda Show', author: 'Adam Curry & John C. Dvorak' });
    expect(episodes.map((e) => e.title)).toEqual(
      Array.from({ length: 29 }, (_, i) => `${1777 - i}: "Episode ${1777 - i}"`),
    );
    expect(episodes[2]?.showNotesHtml).toBe(
      '<p>Show Notes</p><p>No Agenda Episode 1775</p>' +
        '<p><a href="http://1775.noagendanotes.com">1775.noagendanotes.com</a></p>' +
        '<p>Executive Producers &gtgt; thank you</p><p>Art By: Comic Strip Blogger</p>',
    );
    // The episodes after the mistake are whole too.
    expect(episodes[28]).toMatchObject({
      durationSeconds: 10196,
      chaptersUrl: 'https://chapters.nashownotes.com/1749.json',
    });
    expect(repairs).toBe("The feed's XML has an undefined entity (&gtgt; on line 39, kept as text).");
  });

  it('a stray "&" in titles, the author and addresses is kept as the "&" it meant; CDATA is untouched', async () => {
    const { info, episodes, repairs } = await read('stray-ampersand.xml');
    expect(info).toMatchObject({
      title: 'Q&A with Tom & Jerry',
      description: 'Questions & answers.',
      author: 'Tom & Jerry',
    });
    expect(episodes[0]).toMatchObject({
      title: 'Q&A #12: cats & mice',
      link: 'https://example.com/episode?id=12&ref=rss',
      enclosure: { url: 'https://cdn.example.com/qa-12.mp3?token=a&b=1' },
      showNotesHtml: '<p>Rock & roll, and a literal &amp; in CDATA stays as written.</p>',
    });
    expect(episodes[1]?.title).toBe('Q&A #11: a well-escaped title');
    expect(repairs).toBe("The feed's XML has 8 stray “&” characters (the first on line 6, kept as text).");
  });

  it('control characters (U+000B, U+000C, U+001F) are taken out of titles and notes, a break becoming a space', async () => {
    const { episodes, repairs } = await read('control-characters.xml');
    expect(episodes.map((e) => [e.title, e.showNotesHtml])).toEqual([
      ['Episode  2', '<p>First line second line</p><p>0:00 Intro</p><p>5:00 Main topic</p>'],
      ['Episode 1', '<p>Escaped notes</p>'],
    ]);
    expect(repairs).toBe("The feed's XML has 4 control characters (the first U+000C on line 10, taken out).");
  });

  it('names each kind of mistake once, counted, with the line of the first', async () => {
    const xml = `<rss version="2.0"><channel><title>A &bogus; B &nope; C</title>
<item><title>Fish & chips</title><guid>1</guid><description>x&#1;y\u001f</description></item></channel></rss>`;
    const { episodes, repairs } = await readText(xml);
    expect(episodes[0]).toMatchObject({ title: 'Fish & chips', showNotesHtml: 'x&#1;y' });
    expect(repairs).toBe(
      "The feed's XML has 2 undefined entities (the first &bogus; on line 1, kept as text), " +
        'a stray “&” (on line 2, kept as text), ' +
        'a reference to a forbidden character (&#1; on line 2, kept as text) ' +
        'and a control character (U+001F on line 2, taken out).',
    );
  });
});

describe('well-formed feeds come through unchanged and unflagged', () => {
  it('a clean feed, and the HTML entities sax knows (&eacute;, &nbsp;), are no repairs', async () => {
    for (const name of ['anchor-like.xml', 'atom.xml', 'windows-1252.xml']) {
      expect(await read(name)).not.toHaveProperty('repairs');
    }
    const mapped = await readText(
      '<rss version="2.0"><channel><title>Caf&eacute;&nbsp;Show &amp; more</title><item><guid>1</guid></item></channel></rss>',
    );
    expect(mapped).not.toHaveProperty('repairs');
    expect(mapped.info.title).toBe('Café\u00a0Show & more');
  });
});

describe('XML that cannot be repaired says what is wrong and where, not "not XML"', () => {
  it('a feed cut off in transfer', async () => {
    await expect(read('truncated.xml')).rejects.toThrow(
      "The feed's XML is broken on line 14, column 36: the feed ends before its tags are closed (it may have been cut off), so it cannot be read.",
    );
  });

  it('a mismatched closing tag', async () => {
    await expect(readText('<rss version="2.0"><channel><item></channel></rss>')).rejects.toThrow(
      "The feed's XML is broken on line 1, column 44: a closing tag does not match the tag it should close, so it cannot be read.",
    );
  });

  it('a repairable mistake does not hide a real one after it: the error names where the XML breaks', async () => {
    const xml = '<rss version="2.0"><channel><title>A &gtgt; B</title>\n<item><title>x</item></channel></rss>';
    await expect(readText(xml)).rejects.toThrow(
      "The feed's XML is broken on line 2, column 21: a closing tag does not match the tag it should close, so it cannot be read.",
    );
  });

  it('text that is not XML at all still says so, quoting how it starts', async () => {
    await expect(
      readText('Warning: mysql_connect(): Access denied for user\n<?xml version="1.0"?><rss/>'),
    ).rejects.toThrow(
      'The feed is not XML, so it cannot be read: it starts with “Warning: mysql_connect(): Access denied …” instead of a tag.',
    );
  });
});
