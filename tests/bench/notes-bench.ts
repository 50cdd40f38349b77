/**
 * npm run bench:notes — cost of adding a note and of searching, with 100 and with 10,000 notes
 * (500 episodes) stored and 3,000 episodes of search context. Targets (issue 5): add p95 < 20 ms,
 * search p95 < 50 ms, and adding a note never rewrites the catalogue.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { confStoreFactory } from '../../electron/core/conf-store.js';
import { NotesService } from '../../electron/core/notes/notes-service.js';
import type { SearchEpisode } from '../../electron/core/notes/search-index.js';
import { shortHash } from '../../electron/core/feeds/stable-id.js';
import { openStore } from '../../electron/core/store.js';
import type { Note } from '../../shared/types.js';

const CONTEXT_EPISODES = 3_000;
const ADDS = 300;
const SEARCH_ROUNDS = 50;
const QUERIES = ['accept queue', 'postgres', 'tcp handshake latency', 'café', 'connection pooling', 'zzz no match'];

/** Deterministic, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
const rand = random(42);
// Text with a realistic word distribution: a Zipf-like draw from stop words, then podcast terms, then
// ~5,000 made-up words (a 60-word vocabulary would put every query word in every show note).
const TERMS = (
  'the a of and to in is that it we about backend engineering show socket connection kernel accept queue ' +
  'tcp handshake latency postgres database index btree wal replication proxy nginx http2 quic tls ' +
  'certificate load balancer thread pool event loop memory cache redis pooling transaction isolation lock ' +
  'deadlock café über naïve'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru so ta vi ze po gra ble tion ser ver dat ing ment ous'.split(' ');
const VOCABULARY = [
  ...TERMS,
  ...Array.from({ length: 5_000 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''),
  ),
];
const word = () =>
  VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length))) - 1)];
const words = (n: number) => Array.from({ length: n }, word).join(' ');

const episodeIds = Array.from({ length: CONTEXT_EPISODES }, (_, i) => shortHash(`episode ${i}`));
const context: { episodes: SearchEpisode[] } = {
  episodes: episodeIds.map((id, i) => ({
    id,
    title: `Episode ${i}: ${words(5)}`,
    showNotes: words(220), // about 1.5 KB of plain text, like a real show's notes
    chapters: Array.from({ length: 8 }, (_, c) => ({ start: c * 300, title: words(4) })),
  })),
};

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

interface Figures {
  notes: number;
  loadMs: number;
  add: number[];
  search: number[];
  firstSearchMs: number;
  freshContext: number[];
  catalogueUntouched: boolean;
}

function scenario(noteCount: number, episodeCount: number): Figures {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-notes-bench-'));
  try {
    // A catalogue beside the notes, as in the app: its bytes and mtime must not change.
    const catalogue = openStore(confStoreFactory, {
      name: 'catalogue',
      cwd: dataDir,
      defaults: { schemaVersion: 1, feeds: [], episodes: context.episodes.map(({ id, title }) => ({ id, title })) },
    }).store;
    const catalogueBefore = [statSync(catalogue.path).mtimeMs, readFileSync(catalogue.path, 'utf8')].join('\n');

    const stamp = new Date('2024-05-01T10:00:00Z').toISOString();
    const seed: Note[] = Array.from({ length: noteCount }, (_, i) => ({
      id: `seed-${i}`,
      episodeId: episodeIds[i % episodeCount]!,
      at: Math.floor(rand() * 3600),
      text: words(12 + Math.floor(rand() * 20)),
      createdAt: stamp,
      updatedAt: stamp,
    }));
    new NotesService({ dataDir, storeFactory: confStoreFactory, now: () => new Date() }).importJson({
      format: 'earmark-notes',
      version: 1,
      notes: seed,
    });

    const notes = new NotesService({ dataDir, storeFactory: confStoreFactory, now: () => new Date() });
    const loadMs = time(() => notes.load());
    // Adding to episodes that already hold notes: the common case, and the largest files.
    const add = Array.from({ length: ADDS }, (_, i) =>
      time(() => notes.add({ episodeId: episodeIds[i % episodeCount]!, at: i, text: words(15) })),
    );
    const firstSearchMs = time(() => notes.prepareSearch(context));
    const search: number[] = [];
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      for (const query of QUERIES) search.push(time(() => notes.search(query, context)));
    }
    // A caller that maps the catalogue afresh for every search: same strings, new objects and array.
    const freshContext = QUERIES.map((query) =>
      time(() => notes.search(query, { episodes: context.episodes.map((e) => ({ ...e })) })),
    );
    const catalogueAfter = [statSync(catalogue.path).mtimeMs, readFileSync(catalogue.path, 'utf8')].join('\n');
    return {
      notes: noteCount,
      loadMs,
      add,
      search,
      firstSearchMs,
      freshContext,
      catalogueUntouched: catalogueAfter === catalogueBefore,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10);

const small = scenario(100, 50);
const large = scenario(10_000, 500);
const row = (label: string, pick: (f: Figures) => number[]) => {
  const [s50, s95] = [percentile(pick(small), 50), percentile(pick(small), 95)];
  const [l50, l95] = [percentile(pick(large), 50), percentile(pick(large), 95)];
  const ratio = `×${(l50 / s50).toFixed(1)} / ×${(l95 / s95).toFixed(1)}`;
  console.log(`${label.padEnd(26)} ${ms(s50)} ${ms(s95)}   ${ms(l50)} ${ms(l95)}   ${ratio}`);
  return l95;
};

console.log(`Notes benchmark — ${CONTEXT_EPISODES} episodes of search context (show notes ~1.5 KB, 8 chapters each)`);
console.log(
  `${''.padEnd(26)} ${'100 notes'.padStart(21)}   ${'10,000 notes / 500 ep.'.padStart(21)}   ratio 10,000 / 100`,
);
console.log(
  `${''.padEnd(26)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}   ${'p50'.padStart(10)} ${'p95'.padStart(10)}   (p50 / p95)`,
);
const addP95 = row(`add one note (n=${ADDS})`, (f) => f.add);
const searchP95 = row(`search (n=${SEARCH_ROUNDS * QUERIES.length})`, (f) => f.search);
row(`search, fresh context`, (f) => f.freshContext);
console.log(`build search index (once)   ${ms(small.firstSearchMs)}              ${ms(large.firstSearchMs)}`);
console.log(`load all notes from disk    ${ms(small.loadMs)}              ${ms(large.loadMs)}`);
const untouched = small.catalogueUntouched && large.catalogueUntouched;
console.log(`catalogue.json unchanged by ${ADDS * 2} adds: ${untouched ? 'yes' : 'NO'}`);
const ok = addP95 < 20 && searchP95 < 50 && untouched;
console.log(ok ? 'Targets met: add p95 < 20 ms, search p95 < 50 ms.' : 'TARGETS MISSED');
process.exitCode = ok ? 0 : 1;
