/**
 * Fixture audio and artwork for end-to-end tests: generated on demand with ffmpeg (never committed) and cached
 * in the OS temp dir, so a run pays for it once. Writes go to a temp name and are renamed into
 * place, so parallel workers never see half a file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Long enough to seek and skip 30 s several times; matches the durations in the fixture feed. */
export const FIXTURE_AUDIO_SECONDS = 240;

export interface FixtureAudio {
  path: string;
  seconds: number;
  bytes: number;
}

export function fixtureCacheDir(): string {
  const dir = join(tmpdir(), 'earmark-e2e-fixtures');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A mono 32 kb/s MP3 of a 440 Hz tone. Idempotent; returns the cached file when present. */
export function ensureFixtureAudio(seconds = FIXTURE_AUDIO_SECONDS): FixtureAudio {
  const path = join(fixtureCacheDir(), `tone-${seconds}s-v1.mp3`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial.mp3`;
    try {
      execFileSync(
        'ffmpeg',
        [
          ...['-hide_banner', '-loglevel', 'error', '-y'],
          ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
          ...['-ac', '1', '-ar', '22050', '-b:a', '32k', '-metadata', 'title=Earmark fixture tone'],
          partial,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      throw new Error(
        `Could not generate fixture audio with ffmpeg (install it: apt-get install ffmpeg): ${String(error)}`,
      );
    }
    renameSync(partial, path);
  }
  return { path, seconds, bytes: statSync(path).size };
}

/** A 300x300 PNG in a flat colour, for the feed's artwork (so nothing points off the machine). */
export function ensureFixtureArtwork(): string {
  const path = join(fixtureCacheDir(), 'artwork-v1.png');
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial.png`;
    execFileSync(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-y'],
        ...['-f', 'lavfi', '-i', 'color=c=0x3b5bdb:s=300x300', '-frames:v', '1'],
        partial,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    renameSync(partial, path);
  }
  return path;
}

/** The chapters written into ensureFixtureAudioWithChapters' file (ID3v2.3 CHAP/CTOC frames). */
export const FIXTURE_EMBEDDED_CHAPTERS = [
  { start: 0, end: 60, title: 'Embedded opening' },
  { start: 60, end: 150, title: 'Embedded pool sizing' },
  { start: 150, end: FIXTURE_AUDIO_SECONDS, title: 'Embedded wrap-up' },
] as const;

/** The fixture tone with ID3 chapters (FIXTURE_EMBEDDED_CHAPTERS), made like ensureFixtureAudio. */
export function ensureFixtureAudioWithChapters(): FixtureAudio {
  const seconds = FIXTURE_AUDIO_SECONDS;
  const path = join(fixtureCacheDir(), `tone-${seconds}s-chapters-v1.mp3`);
  if (!existsSync(path)) {
    const meta = `${path}.${process.pid}.ffmeta`;
    const partial = `${path}.${process.pid}.partial.mp3`;
    const sections = FIXTURE_EMBEDDED_CHAPTERS.map(
      (c) => `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${c.start * 1000}\nEND=${c.end * 1000}\ntitle=${c.title}\n`,
    );
    writeFileSync(meta, `;FFMETADATA1\ntitle=Earmark fixture tone\n\n${sections.join('\n')}`);
    try {
      execFileSync(
        'ffmpeg',
        [
          ...['-hide_banner', '-loglevel', 'error', '-y'],
          ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-i', meta],
          ...['-map', '0', '-map_metadata', '1', '-map_chapters', '1', '-id3v2_version', '3'],
          ...['-ac', '1', '-ar', '22050', '-b:a', '32k'],
          partial,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      rmSync(meta, { force: true });
    }
    renameSync(partial, path);
  }
  return { path, seconds, bytes: statSync(path).size };
}
