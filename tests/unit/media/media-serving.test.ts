import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalFileName } from '../../../electron/core/downloads/media-names.js';
import {
  episodeIdFromMediaUrl,
  mediaFileFor,
  mediaResponse,
  mediaUrlFor,
  type CompletedDownloads,
} from '../../../electron/core/media/media-file.js';
import { sendRange } from '../../../electron/core/media/range.js';

let dataDir: string;
let server: Server;
let base: string;
let downloads: CompletedDownloads;
const audio = randomBytes(200_000);
const known = new Map<string, string>();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-media-'));
  const mediaDir = path.join(dataDir, 'media');
  mkdirSync(mediaDir);
  const file = path.join(mediaDir, finalFileName('ep/1 ü', 'mp3'));
  writeFileSync(file, audio);
  known.set('ep/1 ü', file);
  writeFileSync(path.join(dataDir, 'secret.txt'), 'do not serve');
  downloads = { mediaDir, localFile: (id) => known.get(id) };
  // The browser host's shape: an id from the URL path, looked up, never used as a path.
  server = createServer((req, res) => {
    const id = episodeIdFromMediaUrl(`http://host${req.url ?? '/'}`);
    const media = mediaFileFor(downloads, id);
    if (!media) res.writeHead(404).end();
    else void sendRange(req, res, media);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const url = (id: string) => base + encodeURIComponent(id);
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('serving downloaded media over HTTP (sendRange)', () => {
  it('serves the whole file with Accept-Ranges and the type from the extension', async () => {
    const response = await fetch(url('ep/1 ü'));
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('content-length')).toBe('200000');
    expect((await bytes(response)).equals(audio)).toBe(true);
  });

  it('answers the seeks a player makes, one after another, with the right bytes', async () => {
    const seeks: [string, number, number][] = [
      ['bytes=0-', 0, 199_999],
      ['bytes=150000-', 150_000, 199_999],
      ['bytes=-1000', 199_000, 199_999],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=50000-', 50_000, 199_999],
    ];
    for (const [range, start, end] of seeks) {
      const response = await fetch(url('ep/1 ü'), { headers: { range } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/200000`);
      expect((await bytes(response)).equals(audio.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers an unsatisfiable range with 416 and HEAD without a body', async () => {
    const beyond = await fetch(url('ep/1 ü'), { headers: { range: 'bytes=200000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */200000');
    const head = await fetch(url('ep/1 ü'), { method: 'HEAD', headers: { range: 'bytes=10-19' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect((await bytes(head)).length).toBe(0);
  });

  it.each([
    '../secret.txt',
    '..%2Fsecret.txt',
    '%2e%2e/secret.txt',
    '%2e%2e%2fsecret.txt',
    '..%5Csecret.txt',
    '%2Fetc%2Fpasswd',
    '/etc/passwd',
    finalFileName('ep/1 ü', 'mp3'),
    'unknown-episode',
  ])('refuses %s: only known episode ids resolve', async (attempt) => {
    const response = await fetch(base + attempt);
    expect(response.status).toBe(404);
  });
});

describe('mediaFileFor', () => {
  it('maps only known ids with a file inside the media folder', () => {
    expect(mediaFileFor(downloads, 'ep/1 ü')).toMatchObject({ size: 200_000, contentType: 'audio/mpeg' });
    for (const id of ['../secret.txt', path.join(dataDir, 'secret.txt'), '', 42, undefined, 'x'.repeat(201)])
      expect(mediaFileFor(downloads, id)).toBeUndefined();
  });

  it('refuses a record pointing outside the media folder, or a symlink out of it', () => {
    const outside = path.join(dataDir, 'secret.txt');
    const lying: CompletedDownloads = { mediaDir: downloads.mediaDir, localFile: () => outside };
    expect(mediaFileFor(lying, 'a')).toBeUndefined();
    const link = path.join(downloads.mediaDir, finalFileName('linked', 'mp3'));
    symlinkSync(outside, link);
    try {
      expect(mediaFileFor({ mediaDir: downloads.mediaDir, localFile: () => link }, 'linked')).toBeUndefined();
    } finally {
      unlinkSync(link);
    }
  });
});

describe('the Electron side (mediaResponse, a Web Response)', () => {
  it('round-trips ids through earmark-media:// URLs and answers Range from the same plan', async () => {
    const mediaUrl = mediaUrlFor('ep/1 ü');
    expect(mediaUrl).toBe('earmark-media://episode/ep%2F1%20%C3%BC');
    expect(episodeIdFromMediaUrl(mediaUrl)).toBe('ep/1 ü');
    const response = mediaResponse(downloads, {
      url: mediaUrl,
      method: 'GET',
      headers: new Headers({ range: 'bytes=100-199' }),
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/200000');
    expect((await bytes(response)).equals(audio.subarray(100, 200))).toBe(true);
    const head = mediaResponse(downloads, { url: mediaUrl, method: 'HEAD', headers: new Headers() });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('200000');
    const unknown = mediaResponse(downloads, {
      url: 'earmark-media://episode/..%2F..%2Fsecret.txt',
      method: 'GET',
      headers: new Headers(),
    });
    expect(unknown.status).toBe(404);
  });
});
