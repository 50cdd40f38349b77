import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedParser } from '../../../electron/core/feeds/feed-parser.js';
import { readFeed } from '../../../electron/core/feeds/read-feed.js';

const parser = new FeedParser();
afterAll(() => parser.close());

const feedUrl = 'https://podcasts.example.com/show/feed.xml';
const fixture = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/transcripts/feed.xml'),
  'utf8',
);
const read = (xml: string) => readFeed(parser, xml, { feedId: 'f', feedUrl });

describe('mapFeed: transcripts and the show’s language', () => {
  it('reads the channel’s <language>', async () => {
    const { info } = await read(fixture);
    expect(info.language).toBe('en-us');
  });

  it('reads every <podcast:transcript> of an item, in feed order, with relative URLs resolved', async () => {
    const { episodes } = await read(fixture);
    const byGuid = new Map(episodes.map((e) => [e.guid, e]));
    expect(byGuid.get('tx-vtt')?.transcripts).toEqual([
      { url: 'https://podcasts.example.com/show/episode.vtt', type: 'text/vtt', language: 'en', rel: 'captions' },
    ]);
    expect(byGuid.get('tx-srt')?.transcripts).toEqual([
      { url: 'https://podcasts.example.com/show/episode.srt', type: 'application/x-subrip' },
    ]);
    expect(byGuid.get('tx-html-and-vtt')?.transcripts).toEqual([
      { url: 'https://podcasts.example.com/show/comets.html', type: 'text/html' },
      { url: 'https://podcasts.example.com/show/overlapping.vtt', type: 'text/vtt' },
    ]);
    expect(byGuid.get('tx-es-and-en')?.transcripts?.map((t) => t.language)).toEqual(['es', 'en-GB']);
    expect(byGuid.get('tx-de')?.transcripts).toEqual([
      { url: 'https://podcasts.example.com/show/nur-deutsch.json', type: 'application/json', language: 'de' },
    ]);
  });

  it('keeps only web addresses (a file: URL is dropped; an unknown type is kept for the chooser to ignore)', async () => {
    const { episodes } = await read(fixture);
    expect(episodes.find((e) => e.guid === 'tx-none')?.transcripts).toEqual([
      { url: 'https://podcasts.example.com/show/notes.txt', type: 'text/plain' },
    ]);
  });

  it('a local feed file still offers only web transcripts', async () => {
    const xml = `<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>
      <item><title>E</title><guid>g</guid><podcast:transcript url="episode.vtt" type="text/vtt"/></item></channel></rss>`;
    const { episodes } = await readFeed(parser, xml, { feedId: 'f', feedUrl: 'file:///home/me/feed.xml' });
    expect(episodes[0]).not.toHaveProperty('transcripts');
  });

  it('each URL once; an episode without transcripts has no field; prose in <language> is ignored', async () => {
    const xml = `<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title>
      <language>English (US)</language>
      <item><title>A</title><guid>a</guid>
        <podcast:transcript url="https://x.example/a.vtt" type="text/vtt"/>
        <podcast:transcript url="https://x.example/a.vtt" type="text/vtt" language="fr"/>
        <podcast:transcript type="text/vtt"/>
      </item>
      <item><title>B</title><guid>b</guid></item></channel></rss>`;
    const { info, episodes } = await read(xml);
    expect(info).not.toHaveProperty('language');
    expect(episodes[0]?.transcripts).toEqual([{ url: 'https://x.example/a.vtt', type: 'text/vtt' }]);
    expect(episodes[1]).not.toHaveProperty('transcripts');
  });
});
