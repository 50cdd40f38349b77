import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimestamp } from '../../../shared/time.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/chapters');

export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export interface SeedEpisode {
  title: string;
  /** From the listing's "29min" / "1h 2min", rounded up to the end of that minute. */
  durationSeconds: number;
  notes: string;
}

/** The real episode listing of The Backend Engineering Show: "date • duration", title, notes lines. */
export function seedEpisodes(): SeedEpisode[] {
  return fixture('backend-engineering-show-episodes.txt')
    .split(/\n\s*\n/)
    .flatMap((block): SeedEpisode[] => {
      const [header = '', title = '', ...notes] = block.split('\n');
      const match = /^\w{3} \d{1,2}, \d{4} • (?:(\d+)h ?)?(?:(\d+)min)?$/.exec(header.trim());
      if (!match) return [];
      const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
      return [{ title: title.trim(), durationSeconds: (minutes + 1) * 60 - 1, notes: notes.join('\n') }];
    });
}

/** One held-out-style sample: show notes as a feed carries them and the chapters a listener should get. */
export interface CorpusSample {
  name: string;
  /** What shape or trap the sample stands for. */
  why: string;
  durationSeconds: number | undefined;
  /** [start, title] pairs; empty for notes that hold no chapter list. */
  expected: (readonly [number, string])[];
  notes: string;
}

export const corpusDir = path.join(fixturesDir, 'corpus');

/**
 * Reads tests/fixtures/chapters/corpus/*.txt. Each file is a header, then "notes:" and the notes verbatim:
 *   why: <text>
 *   duration: <h:mm:ss>          (optional)
 *   expect: <m:ss or h:mm:ss> <title>   (one per chapter, or "expect: none")
 */
export function readCorpus(dir = corpusDir): CorpusSample[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseSample(name, readFileSync(path.join(dir, name), 'utf8')));
}

function parseSample(name: string, text: string): CorpusSample {
  const notesAt = text.indexOf('\nnotes:\n');
  if (notesAt < 0) throw new Error(`${name}: no "notes:" line`);
  const sample: CorpusSample = { name, why: '', durationSeconds: undefined, expected: [], notes: '' };
  sample.notes = text.slice(notesAt + '\nnotes:\n'.length).replace(/\n$/, '');
  for (const line of text.slice(0, notesAt).split('\n')) {
    const [, key, value = ''] = /^(\w+): (.*)$/.exec(line) ?? [];
    if (key === 'why') sample.why = value;
    else if (key === 'duration') sample.durationSeconds = timeOf(name, value);
    else if (key === 'expect' && value !== 'none') {
      const [, time = '', title = ''] = /^(\S+) (.+)$/.exec(value) ?? [];
      sample.expected.push([timeOf(name, time), title]);
    } else if (key !== 'expect') throw new Error(`${name}: unreadable header line ${JSON.stringify(line)}`);
  }
  if (!sample.why) throw new Error(`${name}: no "why:" line`);
  return sample;
}

function timeOf(name: string, text: string): number {
  const seconds = parseTimestamp(text);
  if (seconds === undefined) throw new Error(`${name}: unreadable time ${JSON.stringify(text)}`);
  return seconds;
}
