import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArtworkCache, feedIdFromArtworkPath } from '../../../electron/core/feeds/artwork-cache.js';
import { ensureFixtureArtwork } from '../../support/fixture-media.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';

// A show's artwork is kept in the data folder so an offline start still shows it (issue 12, 3.5).
const png = ensureFixtureArtwork();
let server: FixtureServer;
let dir: string;
let warnings: string[];
const feedId = '0123456789abcdef';

const cacheAt = (options: { now?: () => Date; maxBytes?: number } = {}) =>
  new ArtworkCache({ dir, fetch, warn: (message) => warnings.push(message), ...options });
const fetchesOf = (urlPath: string) => server.requests.filter((request) => request.path === urlPath).length;

beforeAll(async () => {
  server = await startFixtureServer();
  server.file('/art.png', png, 'application/octet-stream');
  server.file('/other.png', png, 'image/png');
  server.text('/page.html', '<!doctype html><html><body>Not a picture</body></html>', 'text/html');
  server.text('/art.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml');
});
afterAll(() => server.stop());
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'earmark-artwork-'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ArtworkCache', () => {
  it('keeps the picture, knows it by its bytes (not the Content-Type), and serves it', async () => {
    const cache = cacheAt();
    expect(cache.pathFor(feedId)).toBeUndefined();
    await expect(cache.refresh(feedId, server.url('/art.png'))).resolves.toBe(true);
    expect(cache.pathFor(feedId)).toMatch(new RegExp(`^/artwork/${feedId}\\?v=[0-9a-f]{16}$`));
    const file = cache.file(feedId);
    expect(file?.contentType).toBe('image/png');
    expect(readFileSync(file?.path ?? '')).toEqual(readFileSync(png));
  });

  it('fetches once per address, and a new address replaces the old file', async () => {
    const cache = cacheAt();
    await cache.refresh(feedId, server.url('/art.png'));
    const before = fetchesOf('/art.png');
    await expect(cache.refresh(feedId, server.url('/art.png'))).resolves.toBe(false);
    expect(fetchesOf('/art.png')).toBe(before);
    const firstPath = cache.pathFor(feedId);
    await expect(cache.refresh(feedId, server.url('/other.png'))).resolves.toBe(true);
    expect(cache.pathFor(feedId)).not.toBe(firstPath);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('is known to the next start without the network (an offline start shows it)', async () => {
    await cacheAt().refresh(feedId, server.url('/art.png'));
    const restarted = cacheAt();
    expect(restarted.pathFor(feedId)).toBeDefined();
    expect(restarted.file(feedId)?.size).toBeGreaterThan(0);
  });

  it('refuses what is not a raster picture and keeps the one it had', async () => {
    const cache = cacheAt();
    await cache.refresh(feedId, server.url('/art.png'));
    const kept = cache.pathFor(feedId);
    await expect(cache.refresh(feedId, server.url('/page.html'))).resolves.toBe(false);
    await expect(cache.refresh(feedId, server.url('/art.svg'))).resolves.toBe(false);
    await expect(cache.refresh(feedId, server.url('/missing.png'))).resolves.toBe(false);
    expect(cache.pathFor(feedId)).toBe(kept);
    expect(warnings.join('\n')).toMatch(/not a picture Earmark keeps \(text\/html|unknown type\)/);
    expect(warnings.join('\n')).toMatch(/HTTP 404/);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('does not keep a picture over the size limit', async () => {
    const cache = cacheAt({ maxBytes: 100 });
    await expect(cache.refresh(feedId, server.url('/art.png'))).resolves.toBe(false);
    expect(cache.pathFor(feedId)).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/artwork too large/);
  });

  it('leaves a failed address alone for a while, then tries again', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const cache = cacheAt({ now: () => now });
    await cache.refresh(feedId, server.url('/late.png'));
    server.file('/late.png', png, 'image/png');
    await expect(cache.refresh(feedId, server.url('/late.png'))).resolves.toBe(false);
    expect(fetchesOf('/late.png')).toBe(1);
    now = new Date('2026-01-01T11:01:00Z');
    await expect(cache.refresh(feedId, server.url('/late.png'))).resolves.toBe(true);
  });

  it('forgets a show when it is removed', async () => {
    const cache = cacheAt();
    await cache.refresh(feedId, server.url('/art.png'));
    await cache.remove(feedId);
    expect(cache.pathFor(feedId)).toBeUndefined();
    expect(cache.file(feedId)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a feed id from a path and refuses anything that could name a file', () => {
    expect(feedIdFromArtworkPath(`/artwork/${feedId}`)).toBe(feedId);
    expect(feedIdFromArtworkPath('/artwork/..%2Fsettings')).toBeUndefined();
    expect(feedIdFromArtworkPath('/artwork/%E0%A4%A')).toBeUndefined();
    expect(feedIdFromArtworkPath('/media/abc')).toBeUndefined();
  });
});
