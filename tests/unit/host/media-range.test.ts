// The Range answering behind earmark-media:// (electron/media-range.ts imports no Electron).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileResponse, parseRange } from '../../../electron/media-range.js';
import { tempDir } from './helpers.js';

const temp = tempDir('earmark-media-');
const file = path.join(temp.dir, 'episode.mp3');
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
writeFileSync(file, bytes);
afterAll(() => temp.remove());

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=5-1', undefined],
    ['bytes=0-1,5-6', undefined],
    ['items=0-1', undefined],
    ['bytes=-', undefined],
    [null, undefined],
  ] as const)('%s', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('fileResponse', () => {
  it('sends the whole file with Accept-Ranges', async () => {
    const response = await fileResponse(file, 'GET', null);
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers a range with 206 and exactly those bytes', async () => {
    const response = await fileResponse(file, 'GET', 'bytes=100-199');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });

  it('answers 416 beyond the end', async () => {
    const response = await fileResponse(file, 'GET', 'bytes=5000-');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers HEAD without a body', async () => {
    const response = await fileResponse(file, 'HEAD', 'bytes=0-9');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.body).toBeNull();
  });
});
