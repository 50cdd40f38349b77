/**
 * npm run bench:ui — the episode list with a big library: 50,000 episodes (20 shows × 2,500, the
 * size issue 11 names) paint in under a second with fewer than 200 row elements in the DOM.
 * Generates the feeds, serves them from a fixture server, starts the real built browser host,
 * subscribes to the shows by OPML, and measures in Chromium (Playwright):
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
import { generatedFeedXml as feedXml } from '../support/generated-feed.js';

const LOADS = 5;
const SCROLL_FRAMES = 120;
/**
 * Issue 11: under a second at 50,000 episodes on a desktop. Machines differ (on a loaded 2-core VM the
 * 100-episode page alone takes over a second), so the target is judged against the 100-episode
 * library in the same run: the library's size may add at most a quarter to the paint.
 */
const TARGET_PAINT_RATIO = 1.25;
const TARGET_ROWS = 200;

const SHOWS = 20;
const PER_SHOW = 2500;

interface Figures {
  episodes: number;
  paintMs: { best: number; median: number };
  /** Medians, for where the paint time goes. */
  domContentLoadedMs: number;
  listEpisodesDoneMs: number;
  /** The service alone (medians): countEpisodes, a page from the middle, a filtered page. */
  serviceMs: { count: number; page: number; filtered: number };
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

async function measure(browser: Browser, shows: number, perShow: number): Promise<Figures> {
  const count = shows * perShow;
  const fixtures = await startFixtureServer();
  for (let show = 0; show < shows; show += 1) {
    fixtures.text(`/feed-${show}.xml`, feedXml(fixtures.origin, perShow, show), 'application/rss+xml; charset=utf-8');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-bench-ui-'));
  const host = await startBrowserHost({ dataDir, feedUrl: fixtures.url('/feed-0.xml'), timeoutMs: 60_000 });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const warm = await context.newPage();
    await warm.goto(host.url);
    const heading = (n: number) =>
      warm.waitForFunction(
        (expected) => document.querySelector('#episodes-heading')?.textContent?.replace(/\D/g, '') === String(expected),
        n,
        { timeout: 600_000, polling: 500 },
      );
    // The first run's sync puts the first show in the library; the others come by OPML, as a
    // listener moving from another app would bring them.
    await heading(perShow);
    if (shows > 1) {
      const outlines = Array.from(
        { length: shows - 1 },
        (_, i) => `<outline type="rss" text="Bench ${i + 2}" xmlUrl="${fixtures.url(`/feed-${i + 1}.xml`)}"/>`,
      ).join('');
      const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Bench</title></head><body>${outlines}</body></opml>`;
      const answer = await warm.evaluate(async (content) => {
        const response = await fetch('/api/importOpml', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ content }),
        });
        return response.text();
      }, opml);
      if (!answer.includes('"ok":true')) throw new Error(`importOpml: ${answer}`);
      await heading(count);
    }
    // The address now carries a session cookie; later loads go to the bare origin.
    const origin = new URL(host.url).origin + '/';
    await warm.close();

    const paints: number[] = [];
    const dcls: number[] = [];
    const listEnds: number[] = [];
    let rowsAfterPaint = 0;
    let service = { count: NaN, page: NaN, filtered: NaN };
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
        // The service's answers on their own: each call 7 times, the median.
        service = await page.evaluate(
          async (middle) => {
            const time = async (method: string, input: object) => {
              const times: number[] = [];
              for (let run = 0; run < 7; run += 1) {
                const start = performance.now();
                const response = await fetch(`/api/${method}`, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify(input),
                });
                await response.text();
                times.push(performance.now() - start);
              }
              return times.sort((a, b) => a - b)[3]!;
            };
            return {
              count: await time('countEpisodes', {}),
              page: await time('listEpisodes', { offset: middle, limit: 100 }),
              filtered: await time('listEpisodes', { text: 'pooling part', limit: 100 }),
            };
          },
          Math.floor(count / 2),
        );
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
          // The last rows' page arrives after the scroll stops; placeholders (aria-busy) don't count.
          const loaded = () => [...document.querySelectorAll('ul[aria-label="Episodes"] > li:not([aria-busy])')];
          for (
            let wait = 0;
            wait < 50 &&
            !loaded().some((item) => item.getAttribute('aria-setsize') === item.getAttribute('aria-posinset'));
            wait += 1
          ) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return {
            deltas,
            rows: document.querySelectorAll('ul[aria-label="Episodes"] > li').length,
            positions: loaded().map((item) => Number(item.getAttribute('aria-posinset'))),
          };
        }, SCROLL_FRAMES);
        await page.close();
        await context.close();
        return {
          episodes: count,
          paintMs: { best: Math.min(...paints), median: median(paints) },
          domContentLoadedMs: median(dcls),
          listEpisodesDoneMs: median(listEnds),
          serviceMs: service,
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
  const baseline = await measure(browser, 1, 100);
  const big = await measure(browser, SHOWS, PER_SHOW);
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(8);
  const rows: [string, number, number][] = [
    ['paint, best (ms)', baseline.paintMs.best, big.paintMs.best],
    ['paint, median (ms)', baseline.paintMs.median, big.paintMs.median],
    ['  DOMContentLoaded (ms)', baseline.domContentLoadedMs, big.domContentLoadedMs],
    ['  first page answered (ms)', baseline.listEpisodesDoneMs, big.listEpisodesDoneMs],
    ['countEpisodes (ms)', baseline.serviceMs.count, big.serviceMs.count],
    ['listEpisodes, a page (ms)', baseline.serviceMs.page, big.serviceMs.page],
    ['listEpisodes, filtered (ms)', baseline.serviceMs.filtered, big.serviceMs.filtered],
    ['row elements after paint', baseline.rowsAfterPaint, big.rowsAfterPaint],
    ['row elements after scroll', baseline.rowsAfterScroll, big.rowsAfterScroll],
    ['scroll frame, median (ms)', baseline.frameMs.median, big.frameMs.median],
    ['scroll frame, p95 (ms)', baseline.frameMs.p95, big.frameMs.p95],
    ['scroll frame, max (ms)', baseline.frameMs.max, big.frameMs.max],
  ];
  const bigLabel = `${big.episodes.toLocaleString('en')} eps`;
  console.log(`${'measure'.padEnd(28)}${'100 eps'.padStart(8)}${bigLabel.padStart(12)}${'ratio'.padStart(9)}`);
  for (const [name, a, b] of rows) console.log(`${name.padEnd(28)}${fmt(a)}    ${fmt(b)} ${ratio(b, a)}`);
  console.log(`last episode reachable by scrolling: ${big.lastRowShown ? 'yes' : 'NO'}`);
  const paintRatio = big.paintMs.median / baseline.paintMs.median;
  const ok =
    paintRatio <= TARGET_PAINT_RATIO &&
    big.rowsAfterPaint < TARGET_ROWS &&
    big.rowsAfterScroll < TARGET_ROWS &&
    big.lastRowShown;
  console.log(
    `target (${big.episodes.toLocaleString('en')} episodes paint within ${TARGET_PAINT_RATIO}× of 100 episodes: ${paintRatio.toFixed(2)}×; < ${TARGET_ROWS} rows in the DOM): ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
}
