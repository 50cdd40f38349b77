import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DownloadManagerOptions } from '../../../electron/core/downloads/download-manager.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes, sha256, type ServeOptions } from './serve-bytes.js';

let server: FeedServer;
let h: Harness;
// Two versions of one episode, the same size, so only the validators tell them apart.
const v1 = makeFile(300 * 1024);
const v2 = makeFile(300 * 1024);

eachTestServerAndHarness((s, harness) => ((server = s), (h = harness)));

describe.each([
  ['node:http', {}],
  ['fetch', { fetch }],
])(
  'a resume answered 206 by another version of the file (%s)',
  (_client, transport: Partial<DownloadManagerOptions>) => {
    it.each([
      ['ETag', { etag: '"v1"' }, { etag: '"v2"' }, '"v1"'],
      [
        'Last-Modified',
        { lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' },
        { lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' },
        'Mon, 01 Jan 2024 00:00:00 GMT',
      ],
    ] as const)(
      'with a different %s is not spliced on: the download starts over from zero',
      async (_validator, first: ServeOptions, second: ServeOptions, ifRange) => {
        let n = 0;
        // The file changes after the drop, and the server ignores If-Range: it answers the Range from v2.
        server.routes.set('/ep.mp3', (res, headers) => {
          if (n++ === 0) serveBytes(res, headers, v1.data, { ...first, cutAfter: 100_000 });
          else serveBytes(res, headers, v2.data, { ...second, ignoreIfRange: true });
        });
        const manager = await h.manager(transport);
        manager.enqueue(episode('ep', server.url('/ep.mp3')));
        expect(await h.until(manager, 'ep', ['completed', 'failed'])).toMatchObject({
          state: 'completed',
          bytes: v2.data.length,
        });
        const [, resumed, fresh] = server.requestsTo('/ep.mp3');
        expect(resumed?.headers.range).toMatch(/^bytes=\d+-$/);
        expect(resumed?.headers['if-range']).toBe(ifRange);
        expect(fresh?.headers.range).toBeUndefined();
        expect(sha256(readFileSync(manager.localFile('ep') as string))).toBe(v2.sha256);
      },
    );

    it('with the same validator (weak or strong) continues from where it was', async () => {
      let n = 0;
      server.routes.set('/ep.mp3', (res, headers) => {
        if (n++ === 0) serveBytes(res, headers, v1.data, { etag: '"v1"', cutAfter: 100_000 });
        else serveBytes(res, headers, v1.data, { etag: 'W/"v1"', ignoreIfRange: true });
      });
      const manager = await h.manager(transport);
      manager.enqueue(episode('ep', server.url('/ep.mp3')));
      expect(await h.until(manager, 'ep', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
      expect(server.requestsTo('/ep.mp3')).toHaveLength(2);
      expect(sha256(readFileSync(manager.localFile('ep') as string))).toBe(v1.sha256);
    });
  },
);
