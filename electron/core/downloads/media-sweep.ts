import { existsSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dropUndefined } from '../objects.js';
import type { StoredDownload } from './download-store.js';
import { formatBytes } from '../../../shared/bytes.js';
import { adoptedWords, keptAsideWords } from './download-messages.js';
import { fileStem, isEarmarkFileName } from './media-names.js';
import { STORE_FILE_MODE } from '../store.js';

/** An episode the catalogue knows; a downloaded file is matched to it by the hash in its name. */
export interface KnownEpisode {
  id: string;
  feedId: string;
  enclosure?: { url: string; length?: number; type?: string };
}

export interface SweepOptions {
  mediaDir: string;
  /** Names in the media folder that a download record owns: never touched. */
  owned: ReadonlySet<string>;
  /** True when a record exists for the episode: a stray file is then never adopted over it. */
  hasRecord: (episodeId: string) => boolean;
  knownEpisodes: () => Iterable<KnownEpisode>;
  /** Below this a feed's enclosure length is a placeholder, useless as a size check. */
  plausibleBytes: number;
  now: Date;
}

export interface SweepResult {
  /** New records for files that had lost theirs: completed, or paused partials to resume. */
  adopted: StoredDownload[];
  /** Files moved out of the way instead of being deleted. */
  keptAside?: { dir: string; files: number; bytes: number };
  /** What the listener should be told, in words. */
  notices: string[];
}

/** Folders holding files set aside by earlier sweeps: media/orphans-<time>-<random>. */
const asidePrefix = 'orphans-';
const readmeName = 'README.txt';
const readme = `Earmark moved these downloaded files here instead of deleting them.

At start-up it found them in its media folder with no download record and could not match them
(by the episode hash in the name and the size the feed announces) to an episode in your library.
This happens when the downloads list (downloads.json) was damaged or reset.

Earmark looks here again at every start and puts back any file it can match later (for example
after you subscribe to its show again). Delete this folder if you do not need these files.
`;

interface Candidate {
  dir: string;
  name: string;
  stem: string;
  part: boolean;
  /** Already in a kept-aside folder: put back when it matches, else left where it is. */
  aside: boolean;
}

/**
 * The start-up sweep. Earmark's files whose record is gone (a damaged or reset downloads.json)
 * are never deleted: a file named for a known episode is adopted again (a complete one only when
 * its size is the length the feed announces; a .part as a paused partial), and every other one is
 * moved to media/orphans-<time>-…/ with a README. Files set aside earlier are adopted when they
 * match now, and otherwise left alone.
 */
export function sweepMedia(options: SweepOptions): SweepResult {
  const result: SweepResult = { adopted: [], notices: [] };
  try {
    sweepInto(result, options);
  } catch (error) {
    // Whatever was done stays done (files are only ever moved); downloads still start.
    result.notices.push(`Earmark could not finish checking its media folder for stray files (${String(error)}).`);
  }
  const partial = result.adopted.filter((record) => record.state !== 'completed').length;
  if (result.adopted.length > 0) result.notices.push(adoptedWords(result.adopted.length - partial, partial));
  const aside = result.keptAside;
  if (aside) result.notices.push(keptAsideWords(aside.files, formatBytes(aside.bytes), aside.dir));
  return result;
}

function sweepInto(result: SweepResult, options: SweepOptions): void {
  const candidates = findCandidates(options);
  if (candidates.length === 0) return;
  const byStem = new Map<string, KnownEpisode>();
  for (const episode of options.knownEpisodes())
    if (episode.enclosure && !options.hasRecord(episode.id)) byStem.set(fileStem(episode.id), episode);

  const claimed = new Set<string>();
  for (const file of candidates) {
    const from = path.join(file.dir, file.name);
    const size = statSync(from).size;
    const episode = byStem.get(file.stem);
    const record = episode && !claimed.has(episode.id) ? adoption(episode, file, size, from, options) : undefined;
    const to = path.join(options.mediaDir, file.name);
    if (record && (!file.aside || !existsSync(to))) {
      if (file.aside) renameSync(from, to);
      claimed.add(record.episodeId);
      result.adopted.push(record);
    } else if (!file.aside) {
      const aside = (result.keptAside ??= { dir: makeAsideDir(options), files: 0, bytes: 0 });
      renameSync(from, path.join(aside.dir, file.name));
      aside.files++;
      aside.bytes += size;
    }
  }
  tidyAsideDirs(options.mediaDir, result.keptAside?.dir);
}

/** A record for a stray file of a known episode, or undefined when its size can't be vouched for. */
function adoption(
  episode: KnownEpisode,
  file: Candidate,
  size: number,
  from: string,
  options: SweepOptions,
): StoredDownload | undefined {
  const enclosure = episode.enclosure;
  const announced = enclosure?.length;
  // Without a plausible length from the feed nothing vouches for a stray file: it is kept aside.
  if (!enclosure || announced === undefined || announced < options.plausibleBytes) return undefined;
  const base = {
    episodeId: episode.id,
    feedId: episode.feedId,
    url: enclosure.url,
    enclosureLength: announced,
    enclosureType: enclosure.type,
  };
  if (file.part) {
    if (size > announced) return undefined;
    // Paused: the listener decides when it continues. Its validators were lost with the record, so
    // the feed's length stands in as the size the server must state: a 206 for a file of another
    // size starts over instead of splicing two versions together.
    return dropUndefined({
      ...base,
      state: 'paused' as const,
      bytes: size,
      total: announced,
      statedTotal: announced,
      queuedAt: options.now.toISOString(),
    });
  }
  // A finished name proves the file was complete once; its size must still be the one the feed states.
  if (size !== announced) return undefined;
  const finishedAt = statSync(from).mtime.toISOString();
  return dropUndefined({
    ...base,
    state: 'completed' as const,
    bytes: size,
    total: size,
    fileName: file.name,
    queuedAt: finishedAt,
    completedAt: finishedAt,
  });
}

/** Stray files in the media folder, then in earlier kept-aside folders; finished files before partials. */
function findCandidates(options: SweepOptions): Candidate[] {
  const found: Candidate[] = [];
  const look = (dir: string, aside: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || (!aside && options.owned.has(entry.name))) continue;
      const part = /^[0-9a-f]{64}\.part$/.test(entry.name);
      if (!part && !isEarmarkFileName(entry.name)) continue;
      found.push({ dir, name: entry.name, stem: entry.name.slice(0, 64), part, aside });
    }
  };
  look(options.mediaDir, false);
  for (const dir of asideDirs(options.mediaDir)) look(dir, true);
  const rank = (file: Candidate) => (file.aside ? 2 : 0) + (file.part ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b));
}

function asideDirs(mediaDir: string): string[] {
  return readdirSync(mediaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(asidePrefix))
    .map((entry) => path.join(mediaDir, entry.name))
    .sort();
}

/** A new folder for this start (mkdtemp: never one an earlier start, or a frozen test clock, already used). */
function makeAsideDir(options: SweepOptions): string {
  const stamp = options.now.toISOString().replace(/[:.]/g, '-');
  const dir = mkdtempSync(path.join(options.mediaDir, `${asidePrefix}${stamp}-`));
  writeFileSync(path.join(dir, readmeName), readme, { mode: STORE_FILE_MODE });
  return dir;
}

/** Removes kept-aside folders whose every file was put back (only Earmark's README is left). */
function tidyAsideDirs(mediaDir: string, keep: string | undefined): void {
  for (const dir of asideDirs(mediaDir)) {
    if (dir === keep || readdirSync(dir).some((name) => name !== readmeName)) continue;
    rmSync(path.join(dir, readmeName), { force: true });
    rmdirSync(dir);
  }
}
