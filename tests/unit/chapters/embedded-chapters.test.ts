import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEmbeddedChapters } from '../../../electron/core/chapters/embedded-chapters.js';
import { parseChpl, readNeroChapters } from '../../../electron/core/chapters/mp4-nero-chapters.js';
import { hasFfmpeg, makeAudioWithChapters, type FileChapter } from './audio-files.js';

const CHAPTERS: FileChapter[] = [
  { start: 0, end: 10, title: 'Intro' },
  { start: 10, end: 20.5, title: 'Socket vs Connections' },
  { start: 20.5, end: 30, title: 'Summary' },
];

const ffmpeg = await hasFfmpeg();
if (!ffmpeg) console.warn('ffmpeg not found: embedded-chapter tests on generated audio are skipped');

describe.skipIf(!ffmpeg)('readEmbeddedChapters on files made by ffmpeg', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earmark-chapters-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('MP3 with ID3v2 CHAP/CTOC frames', async () => {
    const file = await makeAudioWithChapters(dir, 'chapters.mp3', CHAPTERS);
    expect(await readEmbeddedChapters(file)).toEqual(
      CHAPTERS.map((c) => ({ start: c.start, end: c.end, title: c.title, source: 'embedded' })),
    );
  });

  it('M4A (AAC) with MP4 chapters', async () => {
    const file = await makeAudioWithChapters(dir, 'chapters.m4a', CHAPTERS);
    const chapters = await readEmbeddedChapters(file);
    expect(chapters.map((c) => c.title)).toEqual(CHAPTERS.map((c) => c.title));
    chapters.forEach((c, i) => expect(c.start).toBeCloseTo(CHAPTERS[i]!.start, 1));
    expect(chapters.every((c) => c.source === 'embedded')).toBe(true);
  });

  it('the Nero list is read directly from the M4A', async () => {
    const file = await makeAudioWithChapters(dir, 'nero.m4a', CHAPTERS);
    expect(await readNeroChapters(file)).toEqual(CHAPTERS.map(({ start, title }) => ({ start, title })));
  });

  it('an MP3 without chapters has none', async () => {
    const file = await makeAudioWithChapters(dir, 'plain.mp3', []);
    expect(await readEmbeddedChapters(file)).toEqual([]);
  });
});

describe('readEmbeddedChapters on files that are not audio', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earmark-chapters-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['garbage', 'garbage.mp3', Buffer.from('definitely not audio at all')],
    ['empty', 'empty.m4a', Buffer.alloc(0)],
    ['a truncated MP4 header', 'cut.m4a', Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d])],
  ])('%s → [] with a warning or quietly, never a throw', async (_why, name, bytes) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const warnings: string[] = [];
    expect(await readEmbeddedChapters(file, { warn: (m) => warnings.push(m) })).toEqual([]);
  });

  it('a missing file → [] and a warning', async () => {
    const warnings: string[] = [];
    expect(await readEmbeddedChapters(path.join(dir, 'missing.mp3'), { warn: (m) => warnings.push(m) })).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('parseChpl', () => {
  it('reads version 0 and 1 bodies and stops at truncation', () => {
    const title = new TextEncoder().encode('Intro');
    const entry = [0, 0, 0, 0, 0, 0x98, 0x96, 0x80, title.length, ...title]; // 10,000,000 units = 1 s
    expect(parseChpl(new Uint8Array([0, 0, 0, 0, 1, ...entry]))).toEqual([{ start: 1, title: 'Intro' }]);
    expect(parseChpl(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 1, ...entry]))).toEqual([{ start: 1, title: 'Intro' }]);
    expect(parseChpl(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 2, ...entry, 0, 0]))).toEqual([
      { start: 1, title: 'Intro' },
    ]);
    expect(parseChpl(new Uint8Array([1, 0]))).toEqual([]);
  });
});
