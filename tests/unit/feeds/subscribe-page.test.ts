/**
 * subscribe with a show's web page instead of its feed, through a real app on a temp data dir and a
 * real HTTP server on 127.0.0.1: one linked feed is subscribed to, several are offered, none is said.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api.js';
import type { Feed } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { rss } from './feed-server.js';

let dataDir: string;
let server: FixtureServer;
let app: EarmarkApp;

const html = (head: string) =>
  `<!DOCTYPE html>\n<html><head><title>Show</title>${head}</head><body>Listen!</body></html>`;
const rssLink = (href: string, title?: string) =>
  `<link rel="alternate" type="application/rss+xml"${title ? ` title="${title}"` : ''} href="${href}">`;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-page-'));
  server = await startFixtureServer();
  server.text('/default.xml', rss([{ guid: 'd', title: 'Default one' }]), 'application/rss+xml');
  server.text('/show/feed.xml', rss([{ guid: 'p1', title: 'Page one' }]), 'application/rss+xml');
  app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl: server.url('/default.xml'),
    feedTimeoutMs: 2000,
    log: () => {},
  });
  await app.start();
});

afterEach(async () => {
  await app.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function subscribe(url: string): Promise<MethodOutput<'subscribe'>> {
  const envelope = await app.call('subscribe', { url });
  if (!envelope.ok) throw new Error(`subscribe failed: ${envelope.error.message}`);
  return envelope.value as MethodOutput<'subscribe'>;
}

async function feedUrls(): Promise<string[]> {
  const envelope = await app.call('listFeeds', {});
  return envelope.ok ? (envelope.value as Feed[]).map((feed) => feed.url) : [];
}

describe('subscribe with a web page', () => {
  it('subscribes to the one feed the page links to, resolved against the page', async () => {
    server.text('/show/', html(rssLink('feed.xml', 'The Show')), 'text/html; charset=utf-8');
    const answer = await subscribe(server.url('/show/'));
    expect(answer).toMatchObject({
      feed: { url: server.url('/show/feed.xml'), title: 'Fixture Show' },
      result: { ok: true, added: 1 },
      alreadySubscribed: false,
      foundOnPage: server.url('/show/'),
    });
    // The page itself never became a show.
    expect(await feedUrls()).toEqual(
      expect.arrayContaining([server.url('/default.xml'), server.url('/show/feed.xml')]),
    );
    expect(await feedUrls()).toHaveLength(2);
  });

  it('resolves links against the address the page was finally served from', async () => {
    server.route('/old', (_req, res) => {
      res.writeHead(301, { location: '/show/' }).end();
    });
    server.text('/show/', html(rssLink('feed.xml')), 'text/html');
    expect(await subscribe(server.url('/old'))).toMatchObject({ feed: { url: server.url('/show/feed.xml') } });
  });

  it('offers every feed when the page links to several, and subscribes to none yet', async () => {
    server.text(
      '/show/',
      html(
        rssLink('feed.xml', 'MP3') +
          rssLink('/show/aac.xml', 'AAC') +
          '<link rel="alternate" type="application/atom+xml" href="https://blog.example/atom">',
      ),
      'text/html',
    );
    expect(await subscribe(server.url('/show/'))).toEqual({
      pageUrl: server.url('/show/'),
      choices: [
        { url: server.url('/show/feed.xml'), title: 'MP3', kind: 'rss' },
        { url: server.url('/show/aac.xml'), title: 'AAC', kind: 'rss' },
        { url: 'https://blog.example/atom', kind: 'atom' },
      ],
    });
    expect(await feedUrls()).toEqual([server.url('/default.xml')]);
    // Picking one is an ordinary subscribe.
    expect(await subscribe(server.url('/show/feed.xml'))).toMatchObject({
      alreadySubscribed: false,
      result: { ok: true },
    });
  });

  it('says so when the page links to no feed, or to one that can’t be read', async () => {
    server.text('/plain/', html('<link rel="icon" href="/i.png">'), 'text/html');
    expect(await app.call('subscribe', { url: server.url('/plain/') })).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'The address gives a web page (HTML) that names no podcast feed. Look for the RSS link on that page.',
      },
    });
    server.text('/broken/', html(rssLink('/nothing-here.xml')), 'text/html');
    expect(await app.call('subscribe', { url: server.url('/broken/') })).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: `The web page names the feed ${server.url('/nothing-here.xml')}, but it could not be read. The feed server answered 404 Not Found.`,
      },
    });
    // A page linking to another page is not followed further.
    server.text('/loop/', html(rssLink('/plain/')), 'text/html');
    const loop = await app.call('subscribe', { url: server.url('/loop/') });
    expect(loop.ok).toBe(false);
    expect(await feedUrls()).toEqual([server.url('/default.xml')]);
  });

  it('keeps the usual answer for a show already in the library whose address now gives a web page', async () => {
    server.text('/default.xml', html(rssLink('/show/feed.xml')), 'text/html');
    const answer = await subscribe(server.url('/default.xml'));
    expect(answer).toMatchObject({
      alreadySubscribed: true,
      result: { ok: false, error: expect.stringMatching(/web page \(HTML\)/) },
    });
    expect(await feedUrls()).toEqual([server.url('/default.xml')]);
  });
});
