import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface FileChapter {
  start: number;
  end: number;
  title: string;
}

/** ffmpeg is needed to build the audio fixtures; tests that need it are skipped (visibly) without it. */
export async function hasFfmpeg(): Promise<boolean> {
  try {
    await run('ffmpeg', ['-version']);
    return true;
  } catch {
    return false;
  }
}

export interface AudioFileOptions {
  /** M4A only: where the moov atom goes; 'last' is ffmpeg's default and some hosts serve it so. */
  moov?: 'first' | 'last';
  /** Length of the sine wave (default 30 s). */
  seconds?: number;
}

/**
 * Writes a sine-wave file with chapters: MP3 with ID3v2.3 CHAP/CTOC frames, or M4A (AAC) with an
 * MP4 chapter track and Nero chpl list, moov first as podcast hosts serve them (or last, on request).
 */
export async function makeAudioWithChapters(
  dir: string,
  name: string,
  chapters: FileChapter[],
  options: AudioFileOptions = {},
): Promise<string> {
  const meta = path.join(dir, `${name}.ffmeta`);
  const sections = chapters.map(
    (c) =>
      `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${Math.round(c.start * 1000)}\nEND=${Math.round(c.end * 1000)}\ntitle=${c.title}\n`,
  );
  await writeFile(meta, `;FFMETADATA1\ntitle=${name}\n\n${sections.join('\n')}`);
  const out = path.join(dir, name);
  const moovFirst = options.moov === 'last' ? [] : ['-movflags', '+faststart'];
  const codec = name.endsWith('.mp3') ? ['-id3v2_version', '3'] : ['-c:a', 'aac', ...moovFirst];
  await run('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=d=${options.seconds ?? 30}`, '-i', meta],
    ...['-map', '0', '-map_metadata', '1', '-map_chapters', '1', ...codec, out],
  ]);
  return out;
}
