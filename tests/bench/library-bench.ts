/**
 * npm run bench:library — what a big library costs to change. Imports SHOWS shows × EPISODES
 * episodes (default 200 × 500, show notes included) by OPML from a local feed server, then
 * refreshes one show, subscribes one more and adds a note. For each step it prints the bytes Earmark
 * wrote beside the size of the data the step is about (ratios, not times), the longest event-loop
 * stall beside an idle baseline measured in the same process, and how long a listFeeds sent during
 * the step waited. Targets (issue 11): writes in proportion to the change, calls answered within
 * ~100 ms during an import or sync. Then the first search (it waits for the show notes' text, derived in
 * the background) and the filter over show notes beside an unfiltered page.
 * BENCH_SHOWS / BENCH_EPISODES make a smaller run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { MethodName, MethodOutput } from '../../shared/api.js';
import { createApp } from '../../electron/core/app.js';
import { confStoreFactory } from '../../electron/core/conf-store.js';

const SHOWS = Number(process.env.BENCH_SHOWS ?? 200);
const EPISODES = Number(process.env.BENCH_EPISODES ?? 500);

// --- bytes written: what this process handed to write(2), from Linux's /proc/self/io ("wchar"). It
// counts every file write, whatever library makes it; the only other writes here are the few
// bytes of HTTP requests to the feed server, which runs in a process of its own. ---
function bytesWritten(): number {
  const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!match) throw new Error('bench:library needs Linux (/proc/self/io) to count bytes written.');
  return Number(match[1]);
}

// --- the feed server, in a child process ---
const here = path.dirname(fileURLToPath(import.meta.url));
const serverScript = path.resolve(here, '../../tests/bench/library-feed-server.mjs');
const server = spawn(process.execPath, [serverScript, String(EPISODES)], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) =>
  server.stdout.on('data', (chunk: Buffer) => {
    const match = /ready (\d+)/.exec(chunk.toString());
    if (match) resolve(Number(match[1]));
  }),
);
const feedUrl = (show: number) => `http://127.0.0.1:${port}/feed/${show}.xml`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-bench-library-'));
const app = createApp({ dataDir, storeFactory: confStoreFactory, defaultFeedUrl: feedUrl(0), log: () => {} });

async function call<M extends MethodName>(method: M, input: object = {}): Promise<MethodOutput<M>> {
  const envelope = await app.call(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as MethodOutput<M>;
}

function folderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}
const libraryBytes = () =>
  statSync(path.join(dataDir, 'catalogue.json')).size + folderBytes(path.join(dataDir, 'shows'));

// The longest garbage-collection pause during a step: a big in-memory library makes long ones.
let longestGcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
}).observe({ entryTypes: ['gc'] });

interface Step {
  written: number;
  stallMs: number;
  gcMs: number;
  slowestListFeedsMs: number;
  ms: number;
}

/** Runs work while sampling the event loop and sending listFeeds every 50 ms. */
async function measure(work: () => Promise<unknown>): Promise<Step> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let slowest = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const sent = performance.now();
      await call('listFeeds');
      slowest = Math.max(slowest, performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const before = bytesWritten();
  longestGcMs = 0;
  const started = performance.now();
  delay.enable();
  await work();
  delay.disable();
  const ms = performance.now() - started;
  probing = false;
  await probe;
  return {
    written: bytesWritten() - before,
    stallMs: delay.max / 1e6,
    gcMs: longestGcMs,
    slowestListFeedsMs: slowest,
    ms,
  };
}

const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, 1000)));

// 1. Import SHOWS shows by OPML and wait for every sync.
const outlines = Array.from(
  { length: SHOWS },
  (_, show) => `<outline type="rss" text="Show ${show}" xmlUrl="${feedUrl(show)}"/>`,
);
const opml = `<?xml version="1.0"?><opml version="2.0"><body>${outlines.join('')}</body></opml>`;
let synced = 0;
const allSynced = new Promise<void>((resolve) =>
  app.events.subscribe((event) => {
    if (event === 'syncResult' && ++synced === SHOWS) resolve();
  }),
);
const imported = await measure(async () => {
  await call('importOpml', { content: opml });
  await allSynced;
});
const library = libraryBytes();
const episodes = await call('countEpisodes');

// 2. Refresh one show that gained an episode.
const feeds = await call('listFeeds');
const seventh = feeds.find((feed) => feed.url === feedUrl(7))!;
await fetch(`http://127.0.0.1:${port}/grow/7`, { method: 'POST' });
const refreshed = await measure(() => call('refreshFeeds', { feedId: seventh.id }));
const showBytes = Math.round(library / SHOWS);

// 3. Subscribe one more show.
const subscribed = await measure(() => call('subscribe', { url: feedUrl(SHOWS) }));

// 4. Add a note.
const [someEpisode] = await call('listEpisodes', { limit: 1 });
const noted = await measure(() =>
  call('addNote', { episodeId: someEpisode!.id, at: 30, text: 'A thought worth keeping' }),
);

// 5. The filter over show notes and chapter titles (issue 12, 3.7): their text is derived in the
// background after a sync; the first search waits for it. Then a filter that finds nothing (every
// episode's show notes are scanned) against the unfiltered first page, in the same process.
const searched = await measure(() => call('search', { query: 'accept queues' }));
async function medianMs(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((x, y) => x - y)[3]!;
}
const firstPageMs = await medianMs(() => call('listEpisodes', { limit: 100 }));
const missMs = await medianMs(() => call('listEpisodes', { text: 'zebra crossing', limit: 100 }));
const notesHitMs = await medianMs(() => call('listEpisodes', { text: 'meat kernels', limit: 100 }));

await app.close();
server.kill();
rmSync(dataDir, { recursive: true, force: true });

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
console.log(
  `library: ${SHOWS} shows, ${episodes.toLocaleString('en')} episodes, ${mb(library)} on disk (one show ≈ ${kb(showBytes)})`,
);
console.log(`idle baseline: longest event-loop stall ${idle.stallMs.toFixed(1)} ms`);
console.log('step                 written      ÷ its data          longest stall (× idle)   slowest listFeeds');
const row = (name: string, step: Step, data: number, dataName: string) =>
  console.log(
    `${name.padEnd(20)} ${mb(step.written).padStart(10)}   ${ratio(step.written, data).padStart(6)} × ${dataName.padEnd(9)} ${step.stallMs.toFixed(1).padStart(7)} ms (${ratio(step.stallMs, idle.stallMs).padStart(5)}×)   ${step.slowestListFeedsMs.toFixed(1).padStart(7)} ms`,
  );
row('import by OPML', imported, library, 'library');
row('refresh one show', refreshed, showBytes, 'show');
row('subscribe one more', subscribed, showBytes, 'show');
row('add a note', noted, library, 'library');
console.log(`add a note wrote ${noted.written} bytes`);
console.log(
  `import took ${(imported.ms / 1000).toFixed(1)} s; refresh one show ÷ library = ${ratio(refreshed.written, library)}`,
);
row('first search', searched, library, 'library');
console.log(
  `filter (first page of 100): unfiltered ${firstPageMs.toFixed(1)} ms; a word in no title or show notes ${missMs.toFixed(1)} ms (${ratio(missMs, firstPageMs)}×); words found only in show notes ${notesHitMs.toFixed(1)} ms (${ratio(notesHitMs, firstPageMs)}×)`,
);
console.log(
  `longest garbage-collection pause: import ${imported.gcMs.toFixed(1)} ms, refresh ${refreshed.gcMs.toFixed(1)} ms`,
);
