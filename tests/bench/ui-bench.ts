/**
 * npm run bench:ui — the episode list with a big library (issue 6: 3,000 episodes paint in under a
 * second, fewer than 200 row elements in the DOM). Generates a 3,000-item feed, serves it from a
 * fixture server, starts the real built browser host, and measures in Chromium (Playwright):
 *   - navigation → the Episodes list painted with rows (ms, best and median of several loads),
 *   - row elements in the DOM after the paint and after scrolling to the bottom,
 *   - scroll responsiveness: frame times while scrolling through the whole list,
 * beside the same measures with a 100-item feed in the same process, as a ratio.
 * Needs `npm run build` first (it runs out/main/serve.js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startBrowserHost } from '../support/browser-host.js';
import { chromiumArgs, resolveChromium } from '../support/chromium.js';
import { startFixtureServer } from '../support/fixture-server.js';

const LOADS = 5;
const SCROLL_FRAMES = 120;
const TARGET_PAINT_MS = 1000;
const TARGET_ROWS = 200;

function feedXml(origin: string, count: number): string {
  const start = Date.UTC(2025, 10, 11, 9);
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(start - i * 86_400_000).toUTCString();
    return `<item>
<title><![CDATA[Episode ${count - i}: ${['Sockets', 'Queues', 'Pooling', 'Latency', 'Indexes'][i % 5]} and the backend, part ${i % 17}]]></title>
<description><![CDATA[<p>Episode ${count - i} is about ${['the accept queue', 'connection pools', 'B-trees', 'TLS', 'HTTP/2'][i % 5]}, with a long enough paragraph to take two lines in the list's preview, like real show notes do.</p><p>0:00 Intro<br>1:38 The topic<br>3:05 Wrapping up</p>]]></description>
<guid isPermaLink="false">bench-${count}-${i}</guid>
<pubDate>${date}</pubDate>
<enclosure url="${origin}/audio/${i}.mp3" length="960000" type="audio/mpeg"/>
<itunes:duration>${1200 + (i % 40) * 60}</itunes:duration>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Bench Show (${count})</title><description>Generated for bench:ui.</description><link>${origin}/</link>
${items.join('\n')}
</channel></rss>`;
}

interface Figures {
  episodes: number;
  paintMs: { best: number; median: number };
  /** Medians, for where the paint time goes. */
  domContentLoadedMs: number;
  listEpisodesDoneMs: number;
  rowsAfterPaint: number;
  rowsAfterScroll: number;
  lastRowShown: boolean;
  frameMs: { median: number; p95: number; max: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function measure(browser: Browser, count: number): Promise<Figures> {
  const fixtures = await startFixtureServer();
  fixtures.text('/feed.xml', feedXml(fixtures.origin, count), 'application/rss+xml; charset=utf-8');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-bench-ui-'));
  const host = await startBrowserHost({ dataDir, feedUrl: fixtures.url('/feed.xml'), timeoutMs: 60_000 });
  try {
    // First run: wait until the first sync has put every episode in the library.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const warm = await context.newPage();
    await warm.goto(host.url);
    await warm.waitForFunction(
      (n) => document.querySelector('#episodes-heading')?.textContent?.replace(/\D/g, '') === String(n),
      count,
      { timeout: 120_000, polling: 200 },
    );
    // The address now carries a session cookie; later loads go to the bare origin.
    const origin = new URL(host.url).origin + '/';
    await warm.close();

    const paints: number[] = [];
    const dcls: number[] = [];
    const listEnds: number[] = [];
    let rowsAfterPaint = 0;
    for (let load = 0; load < LOADS; load += 1) {
      const page = await context.newPage();
      // Watched from inside the page (Playwright's own waiting polls too coarsely for this): the
      // moment the first row is in the list, then the frame that paints it.
      await page.addInitScript(() => {
        const w = window as unknown as { __rowsPainted?: Promise<number> };
        w.__rowsPainted = new Promise((resolve) => {
          const check = () => {
            if (!document.querySelector('ul[aria-label="Episodes"] > li')) return false;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
            return true;
          };
          const observer = new MutationObserver(() => check() && observer.disconnect());
          observer.observe(document, { childList: true, subtree: true });
        });
      });
      await page.goto(origin, { waitUntil: 'commit' });
      const ms = await page.evaluate(() => (window as unknown as { __rowsPainted: Promise<number> }).__rowsPainted);
      paints.push(ms);
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const list = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.endsWith('/api/listEpisodes')) as PerformanceResourceTiming | undefined;
        return { dcl: nav?.domContentLoadedEventEnd ?? NaN, listEnd: list?.responseEnd ?? NaN };
      });
      dcls.push(timing.dcl);
      listEnds.push(timing.listEnd);
      rowsAfterPaint = await page.evaluate(() => document.querySelectorAll('ul[aria-label="Episodes"] > li').length);
      if (load < LOADS - 1) await page.close();
      else {
        const scroll = await page.evaluate(async (frames) => {
          const deltas: number[] = [];
          const end = () => document.documentElement.scrollHeight - innerHeight;
          let last = performance.now();
          for (let frame = 1; frame <= frames; frame += 1) {
            // The end moves as rows get measured (estimates give way to real heights).
            window.scrollTo(0, (end() * frame) / frames);
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const now = performance.now();
            deltas.push(now - last);
            last = now;
          }
          for (let settle = 0; settle < 10 && Math.abs(scrollY - end()) > 1; settle += 1) {
            window.scrollTo(0, end());
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
          const items = [...document.querySelectorAll('ul[aria-label="Episodes"] > li')];
          return {
            deltas,
            rows: items.length,
            positions: items.map((item) => Number(item.getAttribute('aria-posinset'))),
          };
        }, SCROLL_FRAMES);
        await page.close();
        await context.close();
        return {
          episodes: count,
          paintMs: { best: Math.min(...paints), median: median(paints) },
          domContentLoadedMs: median(dcls),
          listEpisodesDoneMs: median(listEnds),
          rowsAfterPaint,
          rowsAfterScroll: scroll.rows,
          lastRowShown: scroll.positions.includes(count),
          frameMs: {
            median: median(scroll.deltas),
            p95: percentile(scroll.deltas, 95),
            max: Math.max(...scroll.deltas),
          },
        };
      }
    }
    throw new Error('unreachable');
  } finally {
    await host.stop();
    await fixtures.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const { executablePath, source } = resolveChromium();
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  console.log(`bench:ui — Chromium from ${source}; ${LOADS} loads each, ${SCROLL_FRAMES} scroll frames`);
  const baseline = await measure(browser, 100);
  const big = await measure(browser, 3000);
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(8);
  const rows: [string, number, number][] = [
    ['paint, best (ms)', baseline.paintMs.best, big.paintMs.best],
    ['paint, median (ms)', baseline.paintMs.median, big.paintMs.median],
    ['  DOMContentLoaded (ms)', baseline.domContentLoadedMs, big.domContentLoadedMs],
    ['  listEpisodes answered (ms)', baseline.listEpisodesDoneMs, big.listEpisodesDoneMs],
    ['row elements after paint', baseline.rowsAfterPaint, big.rowsAfterPaint],
    ['row elements after scroll', baseline.rowsAfterScroll, big.rowsAfterScroll],
    ['scroll frame, median (ms)', baseline.frameMs.median, big.frameMs.median],
    ['scroll frame, p95 (ms)', baseline.frameMs.p95, big.frameMs.p95],
    ['scroll frame, max (ms)', baseline.frameMs.max, big.frameMs.max],
  ];
  console.log(`${'measure'.padEnd(28)}${'100 eps'.padStart(8)}${'3000 eps'.padStart(10)}${'ratio'.padStart(9)}`);
  for (const [name, a, b] of rows) console.log(`${name.padEnd(28)}${fmt(a)}  ${fmt(b)} ${ratio(b, a)}`);
  console.log(`last episode reachable by scrolling: ${big.lastRowShown ? 'yes' : 'NO'}`);
  const ok =
    big.paintMs.median < TARGET_PAINT_MS &&
    big.rowsAfterPaint < TARGET_ROWS &&
    big.rowsAfterScroll < TARGET_ROWS &&
    big.lastRowShown;
  console.log(
    `target (3,000 episodes paint < ${TARGET_PAINT_MS} ms, < ${TARGET_ROWS} rows in the DOM): ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
}
