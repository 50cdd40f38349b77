/**
 * npm run bench:download — Earmark's DownloadManager against curl (or a bare Node stream pipe
 * where curl is missing) on files served from 127.0.0.1, plus a resume after a cut at 50 %.
 * The file server runs in its own process, so its CPU and memory count for neither side.
 * Targets (issue 3): throughput ratio ≥ 0.95, RSS growth < 40 MB and flat from 50 to 200 MB,
 * bytes fetched after a cut at 50 % ÷ file size ≤ 0.52.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { confStoreFactory } from '../../electron/core/conf-store.js';
import { DownloadManager } from '../../electron/core/downloads/download-manager.js';
import { downloadsDefaults, downloadsStoreName } from '../../electron/core/downloads/download-store.js';
import { openStore } from '../../electron/core/store.js';
import type { Download } from '../../shared/types.js';

const MB = 1024 * 1024;
/** Runs per tool and size; the best run counts (this machine is shared: slow runs measure the neighbours). */
const runs = 5;
const work = mkdtempSync(path.join(tmpdir(), 'earmark-bench-'));

/** The file server: Range-capable, counts bytes sent per request, cuts /cut/* once at 50 %. */
const serverSource = `
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
const dir = process.argv[1];
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
  stream.on('data', (chunk) => (record.bytes += chunk.length));
  if (cutAt === undefined) stream.pipe(res);
  else { stream.pipe(res, { end: false }); stream.on('end', () => res.destroy()); }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', serverSource, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { child, base: `http://127.0.0.1:${port}` };
}

function makeFile(name: string, size: number): string {
  const file = path.join(work, name);
  const fd = openSync(file, 'w');
  for (let written = 0; written < size; written += 4 * MB) writeSync(fd, randomBytes(Math.min(4 * MB, size - written)));
  closeSync(fd);
  return file;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

const curlAvailable = await promisify(execFile)('curl', ['--version']).then(
  () => true,
  () => false,
);

/** The baseline: curl -s -o, or a bare fetch → file pipe. Returns seconds. */
async function baseline(url: string, out: string): Promise<number> {
  const start = performance.now();
  if (curlAvailable) await promisify(execFile)('curl', ['-s', '-o', out, url]);
  else {
    const response = await fetch(url);
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), createWriteStream(out));
  }
  return (performance.now() - start) / 1000;
}

interface EarmarkRun {
  seconds: number;
  rssGrowth: number;
  file: string;
}

/** One download with a fresh DownloadManager on a fresh data dir; RSS sampled every 50 ms. */
async function earmark(url: string, label: string): Promise<EarmarkRun> {
  const dataDir = mkdtempSync(path.join(work, `data-${label}-`));
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
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const start = performance.now();
  manager.enqueue({ id: `bench-${label}`, feedId: 'bench', enclosure: { url, type: 'audio/mpeg' } });
  const done = await finished;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (done.state !== 'completed') throw new Error(`Earmark download failed: ${done.error}`);
  const file = manager.localFile(`bench-${label}`) as string;
  await manager.close();
  return { seconds, rssGrowth: peak - baseRss, file };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;

async function main(): Promise<void> {
  const sizes = [
    { name: 'ep-50.mp3', size: 50 * MB },
    { name: 'ep-200.mp3', size: 200 * MB },
  ];
  for (const { name, size } of sizes) makeFile(name, size);
  const { child, base } = await startServer(work);
  const results: {
    name: string;
    size: number;
    ratio: number;
    medianRatio: number;
    rss: number;
    earmark: number;
    base: number;
  }[] = [];
  try {
    console.log(
      `Baseline: ${curlAvailable ? 'curl -s -o' : 'bare Node fetch → file pipe'}; ${runs} runs each, alternating; best run (median in brackets).`,
    );
    // Warm-up, unmeasured: loads fetch (undici) and JITs the path, as a running app already has.
    const warm = await earmark(`${base}/file/${sizes[0]?.name}`, 'warm-up');
    rmSync(path.dirname(path.dirname(warm.file)), { recursive: true, force: true });
    await baseline(`${base}/file/${sizes[0]?.name}`, path.join(work, 'warm-up'));
    for (const { name, size } of sizes) {
      const source = await sha256(path.join(work, name));
      const earmarkTimes: number[] = [];
      const baseTimes: number[] = [];
      const growths: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate who goes first so page-cache and CPU warm-up favour neither.
        const order = i % 2 === 0 ? ['earmark', 'base'] : ['base', 'earmark'];
        for (const who of order) {
          if (who === 'base') {
            const out = path.join(work, `baseline-${name}`);
            baseTimes.push(await baseline(`${base}/file/${name}`, out));
            rmSync(out);
          } else {
            const run = await earmark(`${base}/file/${name}`, `${name}-${i}`);
            earmarkTimes.push(run.seconds);
            growths.push(run.rssGrowth);
            if (i === 0 && (await sha256(run.file)) !== source)
              throw new Error('Earmark’s file differs from the source');
            rmSync(path.dirname(path.dirname(run.file)), { recursive: true, force: true });
          }
        }
      }
      const e = Math.min(...earmarkTimes);
      const b = Math.min(...baseTimes);
      const rss = Math.max(...growths);
      results.push({
        name,
        size,
        ratio: b / e,
        medianRatio: median(baseTimes) / median(earmarkTimes),
        rss,
        earmark: mbps(size, e),
        base: mbps(size, b),
      });
    }
    await fetch(`${base}/stats`).then((r) => r.text());

    // Resume after a cut at 50 %: what is fetched after the cut, as a share of the file.
    const cutName = 'ep-200.mp3';
    const cutSize = 200 * MB;
    const run = await earmark(`${base}/cut/${cutName}`, 'cut');
    const sent = (await fetch(`${base}/stats`).then((r) => r.json())) as { range: string | null; bytes: number }[];
    const ok = (await sha256(run.file)) === (await sha256(path.join(work, cutName)));
    const [first, ...rest] = sent;
    const refetched = rest.reduce((sum, r) => sum + r.bytes, 0);

    console.log('');
    console.log('file     Earmark MB/s  baseline MB/s  ratio (≥ 0.95)  peak RSS growth (< 40 MB)');
    for (const r of results)
      console.log(
        `${String(r.size / MB).padStart(3)} MB   ${r.earmark.toFixed(0).padStart(11)}  ${r.base.toFixed(0).padStart(13)}  ${r.ratio.toFixed(2).padStart(6)} [${r.medianRatio.toFixed(2)}]      ${(r.rss / MB).toFixed(1).padStart(10)} MB`,
      );
    const [small, large] = results;
    if (small && large)
      console.log(`RSS growth 200 MB − 50 MB: ${((large.rss - small.rss) / MB).toFixed(1)} MB (flat ≈ 0)`);
    console.log('');
    console.log(
      `Cut at 50 %: first request sent ${(((first?.bytes ?? 0) / cutSize) * 100).toFixed(1)} %; resumed with ${rest.map((r) => r.range).join(', ')}`,
    );
    console.log(
      `Bytes fetched after the cut ÷ file size: ${(refetched / cutSize).toFixed(3)} (≤ 0.52); bytes sent twice: ${(first?.bytes ?? 0) + refetched - cutSize}; final file identical: ${ok}`,
    );
  } finally {
    child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
