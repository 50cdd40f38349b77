/**
 * npm run bench:download — Earmark's DownloadManager against curl (or a bare Node stream pipe
 * where curl is missing) on files served from 127.0.0.1, plus a resume after a cut at 50 %.
 *
 * Fairness: every party runs in its own process. The file server is one child; Earmark's
 * DownloadManager runs in another (this same bundle, started with --earmark-child), so this
 * harness's bookkeeping counts for neither side and Earmark's RSS is that process's own; curl is
 * a third. Both sides are timed on the transfer alone (curl's %{time_total}; Earmark from
 * enqueue to "completed", i.e. including its free-space check, store writes, length check and
 * rename), so neither pays for process start-up. CPU time per 100 MB is printed for both: on a
 * loopback link the transfer is CPU-bound, so that column says where the time goes.
 *
 * Targets (issue 3): throughput ratio ≥ 0.95, RSS growth < 40 MB and flat from 50 to 200 MB,
 * bytes fetched after a cut at 50 % ÷ file size ≤ 0.52. A second, clearly labelled table runs
 * both tools against the same server throttled to 50 MB/s (≈ 400 Mbit/s, a fast home link).
 */
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { confStoreFactory } from '../../electron/core/conf-store.js';
import { DownloadManager } from '../../electron/core/downloads/download-manager.js';
import { downloadsDefaults, downloadsStoreName } from '../../electron/core/downloads/download-store.js';
import { openStore } from '../../electron/core/store.js';
import type { Download } from '../../shared/types.js';

const MB = 1024 * 1024;
/** Runs per tool and size; best and median are printed (this machine is shared: slow runs measure the neighbours). */
const runs = 5;
const throttledRuns = 3;
/** The throttled server's rate: a fast home link. */
const throttleBytesPerSecond = 50 * MB;

/** What one timed download reports, from whichever process ran it. */
interface Timed {
  seconds: number;
  cpuMs: number;
}
interface EarmarkRun extends Timed {
  rssGrowth: number;
  file: string;
}
interface EarmarkAsk {
  url: string;
  label: string;
  root: string;
}

// --- Earmark's own process ---

/** Peak RSS since the last reset, from the kernel's high-water mark (Linux); undefined elsewhere. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakRss(): number | undefined {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
}

/** One download with a fresh DownloadManager on a fresh data dir, as the app would run it. */
async function earmarkDownload({ url, label, root }: EarmarkAsk): Promise<EarmarkRun> {
  const dataDir = mkdtempSync(path.join(root, `data-${label}-`));
  const { store } = openStore(confStoreFactory, {
    name: downloadsStoreName,
    cwd: dataDir,
    defaults: downloadsDefaults,
  });
  let settle: (d: Download) => void = () => undefined;
  const finished = new Promise<Download>((resolve) => (settle = resolve));
  const manager = new DownloadManager({
    dataDir,
    store,
    onChange: (d) => {
      if (d.state === 'completed' || d.state === 'failed') settle(d);
    },
  });
  await manager.resume();
  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  // The kernel's high-water mark sees every spike at no cost; sample only where it is missing.
  let sampled = baseRss;
  const sampler = resetPeakRss()
    ? undefined
    : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 50);
  const cpu = process.cpuUsage();
  const start = performance.now();
  manager.enqueue({ id: `bench-${label}`, feedId: 'bench', enclosure: { url, type: 'audio/mpeg' } });
  const done = await finished;
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const peak = Math.max(sampled, peakRss() ?? 0, process.memoryUsage.rss());
  if (done.state !== 'completed') throw new Error(`Earmark download failed: ${done.error}`);
  const file = manager.localFile(`bench-${label}`) as string;
  await manager.close();
  return { seconds, cpuMs: (used.user + used.system) / 1000, rssGrowth: peak - baseRss, file };
}

/** Earmark's process: one long-lived child, like the app, asked for one download at a time. */
function startEarmark(): { download(url: string, label: string, root: string): Promise<EarmarkRun>; stop(): void } {
  const child = fork(fileURLToPath(import.meta.url), ['--earmark-child'], { execArgv: ['--expose-gc'] });
  return {
    download: (url, label, root) =>
      new Promise((resolve, reject) => {
        child.once('message', (reply: { run?: EarmarkRun; error?: string }) =>
          reply.run ? resolve(reply.run) : reject(new Error(reply.error)),
        );
        child.send({ url, label, root } satisfies EarmarkAsk);
      }),
    stop: () => child.disconnect(),
  };
}

// --- the file server's process ---

/** Range-capable; counts bytes sent per request; /cut/* is cut once at 50 %, /slow/* paced to a rate. */
const serverSource = `
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
const dir = process.argv[1];
const rate = Number(process.argv[2]);
const sent = [];
const cutDone = new Set();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/stats') { res.end(JSON.stringify(sent)); sent.length = 0; return; }
  const [, mode, name] = url.pathname.split('/');
  const file = path.join(dir, path.basename(name ?? ''));
  let size;
  try { size = statSync(file).size; } catch { res.writeHead(404).end(); return; }
  const m = /^bytes=(\\d+)-$/.exec(req.headers.range ?? '');
  const start = m ? Number(m[1]) : 0;
  const headers = { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', etag: '"' + size + '"', 'content-length': String(size - start) };
  if (m) headers['content-range'] = 'bytes ' + start + '-' + (size - 1) + '/' + size;
  res.writeHead(m ? 206 : 200, headers);
  const record = { path: url.pathname, range: req.headers.range ?? null, bytes: 0 };
  sent.push(record);
  const cutAt = mode === 'cut' && !cutDone.has(name) ? Math.floor(size / 2) : undefined;
  if (cutAt !== undefined) cutDone.add(name);
  const stream = createReadStream(file, { start, end: cutAt === undefined ? size - 1 : cutAt - 1, highWaterMark: 1 << 20 });
  if (mode === 'slow') return void paced(stream, res, record);
  stream.on('data', (chunk) => (record.bytes += chunk.length));
  if (cutAt === undefined) stream.pipe(res);
  else { stream.pipe(res, { end: false }); stream.on('end', () => res.destroy()); }
});
// Sends 64 KB at a time, each no earlier than the rate allows (a token bucket without the bucket).
async function paced(stream, res, record) {
  const began = performance.now();
  for await (const big of stream)
    for (let at = 0; at < big.length; at += 1 << 16) {
      const chunk = big.subarray(at, at + (1 << 16));
      const early = ((record.bytes + chunk.length) / rate) * 1000 - (performance.now() - began);
      if (early > 1) await new Promise((resolve) => setTimeout(resolve, early));
      record.bytes += chunk.length;
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
  res.end();
}
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', serverSource, dir, String(throttleBytesPerSecond)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { child, base: `http://127.0.0.1:${port}` };
}

// --- the baseline's process ---

const curlAvailable = await promisify(execFile)('curl', ['--version']).then(
  () => true,
  () => false,
);

/** Where curl is missing: a bare http.get → file pipe in its own process, timed the same way. */
const pipeSource = `
import http from 'node:http';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
const cpu = process.cpuUsage();
const start = performance.now();
const response = await new Promise((resolve, reject) => http.get(process.argv[2], resolve).on('error', reject));
await pipeline(response, createWriteStream(process.argv[1]));
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, cpuMs: (used.user + used.system) / 1000 }));
`;

/** curl -s -o, timed by curl itself (%{time_total}); its CPU from the shell's `times`. */
async function baseline(url: string, out: string): Promise<Timed> {
  if (!curlAvailable) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', pipeSource, out, url]);
    return JSON.parse(stdout) as Timed;
  }
  const script = 'curl -s -o "$1" -w "%{time_total}\\n" "$2" && times';
  const { stdout } = await promisify(execFile)('sh', ['-c', script, 'sh', out, url]);
  const [total, , children] = stdout.trim().split('\n');
  const cpuMs = [...(children ?? '').matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, min, sec]) => sum + (Number(min) * 60 + Number(sec)) * 1000,
    0,
  );
  return { seconds: Number(total), cpuMs };
}

// --- the run ---

function makeFile(dir: string, name: string, size: number): void {
  const fd = openSync(path.join(dir, name), 'w');
  for (let written = 0; written < size; written += 4 * MB) writeSync(fd, randomBytes(Math.min(4 * MB, size - written)));
  closeSync(fd);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const best = (values: number[]) => Math.min(...values);

interface Row {
  label: string;
  size: number;
  earmark: Timed[];
  base: Timed[];
  rss: number[];
}

/** Alternates Earmark and the baseline `count` times on one URL; Earmark's first file is checked against the source. */
async function compare(
  earmark: ReturnType<typeof startEarmark>,
  work: string,
  url: string,
  source: string,
  count: number,
): Promise<Omit<Row, 'label' | 'size'>> {
  const row: Omit<Row, 'label' | 'size'> = { earmark: [], base: [], rss: [] };
  for (let i = 0; i < count; i++) {
    // Alternate who goes first so page-cache and CPU warm-up favour neither.
    for (const who of i % 2 === 0 ? ['earmark', 'base'] : ['base', 'earmark']) {
      if (who === 'base') {
        const out = path.join(work, 'baseline-out');
        row.base.push(await baseline(url, out));
        rmSync(out);
      } else {
        const run = await earmark.download(url, `run-${i}`, work);
        row.earmark.push(run);
        row.rss.push(run.rssGrowth);
        if (i === 0 && (await sha256(run.file)) !== (await sha256(source)))
          throw new Error('Earmark’s file differs from the source');
        rmSync(path.dirname(path.dirname(run.file)), { recursive: true, force: true });
      }
    }
  }
  return row;
}

function printRows(rows: Row[], withRss: boolean): void {
  const rate = (size: number, runs: Timed[], pick: (v: number[]) => number) =>
    size / MB / pick(runs.map((r) => r.seconds));
  const cpu = (size: number, runs: Timed[]) => (median(runs.map((r) => r.cpuMs)) * 100 * MB) / size;
  console.log(
    'file     Earmark MB/s   baseline MB/s   ratio best [median] (≥ 0.95)   CPU ms/100 MB Earmark | baseline' +
      (withRss ? '   peak RSS growth (< 40 MB)' : ''),
  );
  for (const r of rows) {
    const ratioBest = rate(r.size, r.earmark, best) / rate(r.size, r.base, best);
    const ratioMedian = rate(r.size, r.earmark, median) / rate(r.size, r.base, median);
    console.log(
      `${r.label.padEnd(8)} ${rate(r.size, r.earmark, best).toFixed(0).padStart(5)} [${rate(r.size, r.earmark, median).toFixed(0).padStart(4)}]` +
        `   ${rate(r.size, r.base, best).toFixed(0).padStart(5)} [${rate(r.size, r.base, median).toFixed(0).padStart(4)}]` +
        `   ${ratioBest.toFixed(2).padStart(14)} [${ratioMedian.toFixed(2)}]` +
        `   ${cpu(r.size, r.earmark).toFixed(0).padStart(21)} | ${cpu(r.size, r.base).toFixed(0)}` +
        (withRss ? `   ${(Math.max(...r.rss) / MB).toFixed(1).padStart(16)} MB` : ''),
    );
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'earmark-bench-'));
  const sizes = [
    { name: 'ep-50.mp3', size: 50 * MB },
    { name: 'ep-200.mp3', size: 200 * MB },
  ];
  for (const { name, size } of sizes) makeFile(work, name, size);
  const { child, base } = await startServer(work);
  const earmark = startEarmark();
  try {
    console.log(
      `Baseline: ${curlAvailable ? 'curl -s -o' : 'bare Node http.get → file pipe'}; each in its own process; ` +
        `${runs} runs each, alternating; MB/s best [median].`,
    );
    // Warm-up, unmeasured: loads and JITs the path in Earmark's process, as a running app has.
    const warm = await earmark.download(`${base}/file/${sizes[0]?.name}`, 'warm-up', work);
    rmSync(path.dirname(path.dirname(warm.file)), { recursive: true, force: true });
    rmSync(path.join(work, 'warm-up'), { force: true });
    await baseline(`${base}/file/${sizes[0]?.name}`, path.join(work, 'warm-up'));

    const rows: Row[] = [];
    for (const { name, size } of sizes) {
      const row = await compare(earmark, work, `${base}/file/${name}`, path.join(work, name), runs);
      rows.push({ label: `${size / MB} MB`, size, ...row });
    }
    const [small] = sizes;
    const throttled: Row[] = [];
    if (small) {
      const row = await compare(
        earmark,
        work,
        `${base}/slow/${small.name}`,
        path.join(work, small.name),
        throttledRuns,
      );
      throttled.push({ label: `${small.size / MB} MB`, size: small.size, ...row });
    }
    await fetch(`${base}/stats`).then((r) => r.text());

    // Resume after a cut at 50 %: what is fetched after the cut, as a share of the file.
    const cutName = 'ep-200.mp3';
    const cutSize = 200 * MB;
    const run = await earmark.download(`${base}/cut/${cutName}`, 'cut', work);
    const sent = (await fetch(`${base}/stats`).then((r) => r.json())) as { range: string | null; bytes: number }[];
    const ok = (await sha256(run.file)) === (await sha256(path.join(work, cutName)));
    const [first, ...rest] = sent;
    const refetched = rest.reduce((sum, r) => sum + r.bytes, 0);

    console.log('');
    console.log('Unthrottled loopback (the primary figure; CPU-bound on both sides):');
    printRows(rows, true);
    const [smallRow, largeRow] = rows;
    if (smallRow && largeRow)
      console.log(
        `RSS growth 200 MB − 50 MB: ${((Math.max(...largeRow.rss) - Math.max(...smallRow.rss)) / MB).toFixed(1)} MB (flat ≈ 0)`,
      );
    console.log('');
    console.log(
      `Throttled to ${throttleBytesPerSecond / MB} MB/s (≈ ${Math.round((throttleBytesPerSecond * 8) / 1e6)} Mbit/s, a fast home link; secondary figure):`,
    );
    printRows(throttled, false);
    console.log('');
    console.log(
      `Cut at 50 %: first request sent ${(((first?.bytes ?? 0) / cutSize) * 100).toFixed(1)} %; resumed with ${rest.map((r) => r.range).join(', ')}`,
    );
    console.log(
      `Bytes fetched after the cut ÷ file size: ${(refetched / cutSize).toFixed(3)} (≤ 0.52); bytes sent twice: ${(first?.bytes ?? 0) + refetched - cutSize}; final file identical: ${ok}`,
    );
  } finally {
    earmark.stop();
    child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

// Last, so every declaration above is initialised: this bundle is both the harness and Earmark's process.
if (process.argv[2] === '--earmark-child') {
  process.on('message', (ask: EarmarkAsk) => {
    earmarkDownload(ask).then(
      (run) => process.send?.({ run }),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}
