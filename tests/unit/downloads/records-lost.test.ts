import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadsShape, downloadsStoreName } from '../../../electron/core/downloads/download-store.js';
import { partFileName } from '../../../electron/core/downloads/media-names.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes, sha256 } from './serve-bytes.js';

let server: FeedServer;
let h: Harness;
const files = { known: makeFile(300 * 1024), stranger: makeFile(200 * 1024), resized: makeFile(150 * 1024) };

eachTestServerAndHarness(
  (s, harness) => ((server = s), (h = harness)),
  (server) => {
    for (const [id, file] of Object.entries(files))
      server.routes.set(`/${id}.mp3`, (res, headers) => serveBytes(res, headers, file.data, { etag: `"${id}"` }));
  },
);

const storeFile = () => path.join(h.dataDir, `${downloadsStoreName}.json`);
const mediaDir = () => path.join(h.dataDir, 'media');

/** The catalogue's view: "known" with its true length, "resized" announced at another length, no "stranger". */
const catalogue = () => [
  episode('known', server.url('/known.mp3'), { length: files.known.data.length }),
  episode('resized', server.url('/resized.mp3'), { length: files.resized.data.length + 100_000 }),
];

/** sha256 of every file under the media folder (kept-aside folders included), except Earmark's README. */
function mediaContents(dir = mediaDir()): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mediaContents(full);
    return entry.name === 'README.txt' ? [] : [sha256(readFileSync(full))];
  });
}

function keptAside(): string[] {
  return readdirSync(mediaDir()).filter((name) => name.startsWith('orphans-'));
}

/** Downloads the three episodes with intact records, then stops the app. */
async function downloadAll(): Promise<void> {
  const first = await h.manager();
  for (const id of Object.keys(files)) first.enqueue(episode(id, server.url(`/${id}.mp3`)));
  for (const id of Object.keys(files)) await h.until(first, id, ['completed']);
  await first.close();
  expect(mediaContents().sort()).toEqual(
    Object.values(files)
      .map((f) => f.sha256)
      .sort(),
  );
}

/** Ways downloads.json gets damaged or reset: each loses every record. */
const damage: [string, (original: string) => string][] = [
  ['truncated to nothing', () => ''],
  ['cut off mid-way', (original) => original.slice(0, 40)],
  ['garbage', () => '\u0000\u0013\u00ff not json at all'],
  [
    'written by a newer Earmark (schemaVersion 2, a downgrade)',
    (original) => original.replace(/"schemaVersion":\s*1/, '"schemaVersion": 2'),
  ],
  ['[]', () => '[]'],
  ['null', () => 'null'],
  ['"x"', () => '"x"'],
  ['{}', () => '{}'],
  ['downloads: null', () => '{"schemaVersion":1,"downloads":null}'],
  ['records of the wrong shape', (original) => original.replace(/"episodeId":\s*"[^"]+"/g, '"episodeId":5')],
];

// As the app opens the store today (no shape), and with downloadsShape: openStore then moves a file
// of the wrong shape aside byte for byte, and copies one with unreadable records before repairing it.
describe.each([
  ['without a store shape', undefined],
  ['with downloadsShape', downloadsShape],
] as const)('downloaded files survive damage to downloads.json (%s)', (_variant, shape) => {
  beforeEach(() => {
    h.storeShape = shape;
  });

  it.each(damage)(
    '%s: a known file is adopted and playable, the rest kept aside, nothing deleted',
    async (_how, corrupt) => {
      await downloadAll();
      const before = mediaContents().sort();
      const damaged = corrupt(readFileSync(storeFile(), 'utf8'));
      writeFileSync(storeFile(), damaged);

      const manager = await h.manager({ knownEpisodes: catalogue });

      // The known episode is back, complete and playable, byte for byte.
      expect(manager.get('known')).toMatchObject({
        state: 'completed',
        bytes: files.known.data.length,
        feedId: 'feed-1',
      });
      expect(sha256(readFileSync(manager.localFile('known') as string))).toBe(files.known.sha256);
      expect(manager.usage().totalBytes).toBe(files.known.data.length);
      // An unknown episode, and one whose size is not what its feed announces, are kept aside.
      expect(manager.get('stranger')).toBeUndefined();
      expect(manager.get('resized')).toBeUndefined();
      const [aside] = keptAside();
      expect(aside).toBeDefined();
      expect(mediaContents(path.join(mediaDir(), aside as string)).sort()).toEqual(
        [files.stranger.sha256, files.resized.sha256].sort(),
      );
      expect(readFileSync(path.join(mediaDir(), aside as string, 'README.txt'), 'utf8')).toContain(
        'instead of deleting',
      );
      // Nothing was deleted.
      expect(mediaContents().sort()).toEqual(before);
      // The listener is told, in words, what was found and where the rest went.
      expect(h.notices.join('\n')).toContain('Earmark found 1 downloaded episode whose download records were lost');
      expect(h.notices.join('\n')).toContain(`2 downloaded files (350 KB) it could not match`);
      expect(h.notices.join('\n')).toContain(path.join(mediaDir(), aside as string));

      // With the shape, the damaged file itself is kept, byte for byte.
      if (shape) {
        const kept = readdirSync(h.dataDir).filter((name) => /^downloads\.(corrupt|invalid)-/.test(name));
        expect(kept.map((name) => readFileSync(path.join(h.dataDir, name), 'utf8'))).toContain(damaged);
      }

      // The adopted record is saved: the next start has it without any help, and sets nothing more aside.
      await manager.close();
      const again = await h.manager();
      expect(again.get('known')).toMatchObject({ state: 'completed' });
      expect(keptAside()).toEqual([aside]);
    },
  );
});

describe('downloaded files whose records were lost', () => {
  it('with no episodes known (the default), every file is kept aside and none is deleted', async () => {
    await downloadAll();
    writeFileSync(storeFile(), '[]');
    const manager = await h.manager();
    expect(manager.list()).toEqual([]);
    expect(keptAside()).toHaveLength(1);
    expect(mediaContents(path.join(mediaDir(), keptAside()[0] as string))).toHaveLength(3);
    expect(readdirSync(mediaDir()).filter((name) => name !== keptAside()[0])).toEqual([]);
  });

  it('files kept aside are put back at a later start once their episode is known', async () => {
    await downloadAll();
    writeFileSync(storeFile(), '{}');
    await (await h.manager()).close();
    expect(keptAside()).toHaveLength(1);

    const later = await h.manager({ knownEpisodes: catalogue });
    expect(sha256(readFileSync(later.localFile('known') as string))).toBe(files.known.sha256);
    // The others stay where they were put; no new folder is made for them.
    expect(keptAside()).toHaveLength(1);
    expect(mediaContents(path.join(mediaDir(), keptAside()[0] as string))).toHaveLength(2);

    // Once every file is back, the folder (only its README left) goes.
    await later.close();
    const all = () => [
      ...catalogue(),
      episode('stranger', server.url('/stranger.mp3'), { length: files.stranger.data.length }),
      episode('resized', server.url('/resized.mp3'), { length: files.resized.data.length }),
    ];
    const last = await h.manager({ knownEpisodes: all });
    expect(last.list().map((d) => d.state)).toEqual(['completed', 'completed', 'completed']);
    expect(keptAside()).toEqual([]);
  });

  it('a partial download that lost its record is kept as a paused download and resumes with Range', async () => {
    const slow = makeFile(400 * 1024);
    server.routes.set('/slow.mp3', (res, headers) =>
      serveBytes(res, headers, slow.data, { etag: '"s"', bytesPerSecond: 400_000 }),
    );
    const first = await h.manager();
    first.enqueue(episode('slow', server.url('/slow.mp3')));
    await h.waitFor(() => h.progress.find((p) => p.bytes > 100_000));
    await first.close();
    const kept = statSync(path.join(mediaDir(), partFileName('slow'))).size;
    writeFileSync(storeFile(), 'null');

    const known = () => [episode('slow', server.url('/slow.mp3'), { length: slow.data.length })];
    const manager = await h.manager({ knownEpisodes: known });
    expect(manager.get('slow')).toMatchObject({ state: 'paused', bytes: kept, total: slow.data.length });
    expect(h.notices.join('\n')).toContain('1 partly downloaded episode (paused: Resume to finish)');
    manager.retry('slow');
    expect(await h.until(manager, 'slow', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/slow.mp3')[1]?.headers.range).toBe(`bytes=${kept}-`);
    expect(sha256(readFileSync(manager.localFile('slow') as string))).toBe(slow.sha256);
  });

  it('an adopted partial is not spliced onto a file of another size: it starts over', async () => {
    const old = makeFile(400 * 1024);
    const changed = makeFile(450 * 1024);
    let current = old;
    server.routes.set('/slow.mp3', (res, headers) =>
      serveBytes(res, headers, current.data, { bytesPerSecond: current === old ? 400_000 : undefined }),
    );
    const first = await h.manager();
    first.enqueue(episode('slow', server.url('/slow.mp3')));
    await h.waitFor(() => h.progress.find((p) => p.bytes > 100_000));
    await first.close();
    writeFileSync(storeFile(), '[]');
    current = changed; // the show re-published the episode while the app was closed

    // The catalogue still announces the old length; the server's Content-Range says otherwise.
    const known = () => [episode('slow', server.url('/slow.mp3'), { length: old.data.length })];
    const manager = await h.manager({ knownEpisodes: known });
    expect(manager.get('slow')?.state).toBe('paused');
    manager.retry('slow');
    expect(await h.until(manager, 'slow', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/slow.mp3').map((r) => r.headers.range)).toEqual([
      undefined,
      expect.stringMatching(/^bytes=\d+-$/),
      undefined,
    ]);
    expect(sha256(readFileSync(manager.localFile('slow') as string))).toBe(changed.sha256);
  });

  it('storage rules spare the files adopted at this start', async () => {
    await downloadAll();
    writeFileSync(storeFile(), '[]');
    const manager = await h.manager({ knownEpisodes: catalogue });
    const played = () => ({ played: true, playedAt: '2020-01-01T00:00:00Z' });
    expect(await manager.applyStorageRules({ deletePlayedAfterDays: 1, maxTotalBytes: 1 }, played)).toEqual([]);
    expect(existsSync(manager.localFile('known') as string)).toBe(true);
  });

  it('skips records of the wrong shape, keeps the good ones, and copies the file aside as it was', async () => {
    await downloadAll();
    const original = JSON.parse(readFileSync(storeFile(), 'utf8')) as { downloads: Record<string, unknown>[] };
    const [good, bad] = original.downloads;
    const text = JSON.stringify({
      schemaVersion: 1,
      downloads: [good, { ...bad, state: 'exploded' }, 'nonsense', { ...good, fileName: '../../outside.mp3' }],
    });
    writeFileSync(storeFile(), text);

    const manager = await h.manager({ knownEpisodes: catalogue });
    expect(manager.get(good?.episodeId as string)).toMatchObject({ state: 'completed' });
    expect(h.notices.join('\n')).toContain('could not read 3 entries in your list of downloads');
    const copy = readdirSync(h.dataDir).find((name) => name.startsWith(`${downloadsStoreName}.invalid-`));
    expect(readFileSync(path.join(h.dataDir, copy as string), 'utf8')).toBe(text);
    expect(mediaContents()).toHaveLength(3);
  });
});
