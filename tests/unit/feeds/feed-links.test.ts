import { describe, expect, it } from 'vitest';
import { findFeedLinks } from '../../../electron/core/feeds/feed-links.js';

const page = (head: string) =>
  `<!DOCTYPE html><html><head><title>A show</title>${head}</head><body><p>Hi</p></body></html>`;

describe('findFeedLinks', () => {
  it('finds RSS and Atom alternates, resolving relative hrefs against the page', () => {
    const html = page(`
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="Episodes (MP3)" href="feed/mp3.xml">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF="/atom?show=1&amp;format=full">
      <link rel="alternate" type="text/html" hreflang="de" href="/de/">
      <link rel="alternate" type="application/json" href="/feed.json">`);
    expect(findFeedLinks(html, 'https://show.example/podcast/index.html')).toEqual([
      { url: 'https://show.example/podcast/feed/mp3.xml', title: 'Episodes (MP3)', kind: 'rss' },
      { url: 'https://show.example/atom?show=1&format=full', kind: 'atom' },
    ]);
  });

  it('follows <base href>, lists each feed once, and ignores links that are not http(s)', () => {
    const html = page(`
      <base href="https://cdn.example/site/">
      <link rel="alternate" type="application/rss+xml; charset=utf-8" href="rss.xml">
      <link rel="alternate feed" type="application/rss+xml" href="https://cdn.example/site/rss.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="">`);
    expect(findFeedLinks(html, 'https://show.example/')).toEqual([
      { url: 'https://cdn.example/site/rss.xml', kind: 'rss' },
    ]);
  });

  it('finds nothing in a page without feed links, and copes with broken HTML', () => {
    expect(findFeedLinks(page('<link rel="icon" href="/i.png">'), 'https://a.example/')).toEqual([]);
    expect(
      findFeedLinks(
        '<html><head><link rel=alternate type=application/rss+xml href=/f.xml <body>',
        'http://a.example/x',
      ),
    ).toEqual([{ url: 'http://a.example/f.xml', kind: 'rss' }]);
  });
});
