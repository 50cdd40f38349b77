/**
 * The fixture server itself: Range semantics by hand, then the real reason they matter — Chromium
 * seeking an <audio> element served by it lands where asked instead of jumping back to 0.
 */
import { expect, test } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../../support/fixture-feed.js';
import { parseRange } from '../../support/fixture-server.js';

let feed: FeedServer;
test.beforeEach(async () => {
  feed = await startFeedServer();
});
test.afterEach(async () => {
  await feed.server.stop();
});

test('parseRange covers open, closed, suffix, oversized and malformed ranges', () => {
  expect(parseRange(undefined, 100)).toBeUndefined();
  expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
  expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=9-1', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
  expect(parseRange('items=0-1', 100)).toBeUndefined();
});

test('audio answers 200, 206, 416 and HEAD with the right headers', async () => {
  const url = feed.server.url('/audio/sockets.mp3');
  const size = feed.audio.bytes;

  const whole = await fetch(url);
  expect(whole.status).toBe(200);
  expect(whole.headers.get('accept-ranges')).toBe('bytes');
  expect(whole.headers.get('content-type')).toBe('audio/mpeg');
  expect((await whole.arrayBuffer()).byteLength).toBe(size);

  const part = await fetch(url, { headers: { Range: 'bytes=100-199' } });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
  expect(part.headers.get('content-length')).toBe('100');
  expect((await part.arrayBuffer()).byteLength).toBe(100);

  const tail = await fetch(url, { headers: { Range: 'bytes=-50' } });
  expect(tail.status).toBe(206);
  expect(tail.headers.get('content-range')).toBe(`bytes ${size - 50}-${size - 1}/${size}`);
  await tail.arrayBuffer();

  const beyond = await fetch(url, { headers: { Range: `bytes=${size}-` } });
  expect(beyond.status).toBe(416);
  expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
  await beyond.arrayBuffer();

  const head = await fetch(url, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe(String(size));
  expect(head.headers.get('accept-ranges')).toBe('bytes');
});

test('the feed points at the server itself, unknown paths 404, and stop() closes it', async () => {
  const xml = await (await fetch(feed.feedUrl)).text();
  expect(xml).toContain(`url="${feed.server.url('/audio/sockets.mp3')}" length="${feed.audio.bytes}"`);
  expect(xml).not.toContain('{{');
  expect((await fetch(feed.missingFeedUrl)).status).toBe(404);
  expect(feed.server.requests.map((r) => `${r.status} ${r.path}`)).toEqual(['200 /feed.xml', '404 /missing/feed.xml']);
  await feed.server.stop();
  await expect(fetch(feed.feedUrl)).rejects.toThrow();
});

test('custom routes can replace a path, e.g. to inject a fault', async () => {
  feed.server.route('/feed.xml', (_req, res) => {
    res.writeHead(503, { 'Retry-After': '1' });
    res.end();
  });
  expect((await fetch(feed.feedUrl)).status).toBe(503);
  feed.server.remove('/feed.xml');
  expect((await fetch(feed.feedUrl)).status).toBe(404);
});

test('Chromium seeks an <audio> served by it and keeps playing from there', async ({ page }) => {
  const src = feed.server.url('/audio/sockets.mp3');
  await page.goto(feed.server.url('/artwork.png'));
  const duration = await page.evaluate(async (audioUrl) => {
    const audio = new Audio(audioUrl);
    (window as unknown as { fixtureAudio: HTMLAudioElement }).fixtureAudio = audio;
    await new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
    });
    await audio.play();
    audio.currentTime = 200;
    return audio.duration;
  }, src);
  expect(duration).toBeGreaterThan(239);
  expect(duration).toBeLessThan(241);
  const currentTime = () =>
    page.evaluate(() => (window as unknown as { fixtureAudio: HTMLAudioElement }).fixtureAudio.currentTime);
  await expect.poll(currentTime).toBeGreaterThan(201);
  expect(await currentTime()).toBeLessThan(215);
  expect(feed.server.requests.some((r) => r.path === '/audio/sockets.mp3' && r.status === 206)).toBe(true);
});
