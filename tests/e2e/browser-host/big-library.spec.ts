/**
 * A show with 1,500 episodes: the list asks the service for a count and the pages it shows, never
 * the whole library, and every row is still reachable (End, a filter, the last page).
 */
import type { Request } from '@playwright/test';
import { episodeList } from '../../support/earmark-ui.js';
import { filterBox } from '../../support/daily-ui.js';
import { startFeedServer } from '../../support/fixture-feed.js';
import { generatedFeedXml } from '../../support/generated-feed.js';
import { expect, test as hostTest } from './fixtures.js';

const COUNT = 1500;

const test = hostTest.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  feed: async ({}, use) => {
    const feed = await startFeedServer();
    feed.server.text('/big.xml', generatedFeedXml(feed.server.origin, COUNT), 'application/rss+xml; charset=utf-8');
    await use({ ...feed, feedUrl: feed.server.url('/big.xml') });
    await feed.server.stop();
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

const episodeAsks = (requests: Request[]) =>
  requests
    .filter((request) => request.url().endsWith('/api/listEpisodes'))
    .map((request) => request.postDataJSON() as { offset?: number; limit?: number; text?: string });

test('1,500 episodes: pages of rows, End reaches the oldest, a filter counts "N of 1,500"', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const heading = page.getByRole('heading', { name: /^Episodes/ });
  await expect(heading).toHaveText(`Episodes ${COUNT.toLocaleString('en')}`, { timeout: 30_000 });
  const rows = episodeList(page).getByRole('listitem');
  await expect(rows.first()).toContainText(`Episode ${COUNT}:`);
  expect(await rows.count()).toBeLessThan(60);

  // End from the first row: the list scrolls to the last row, its page arrives, the row takes focus.
  await rows.first().getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toContainText('Episode 1:');
  await expect(episodeList(page).locator(`[aria-posinset="${COUNT}"]`)).toContainText('Episode 1:');

  // One title in five is about Pooling: the service counts them.
  await filterBox(page).fill('POOLING');
  await expect(heading).toHaveText(`Episodes ${COUNT / 5} of ${COUNT.toLocaleString('en')}`);
  await expect(rows.first()).toContainText(`Episode ${COUNT - 2}: Pooling`);

  // Every ask was a page: the renderer never copied the whole library.
  const asks = episodeAsks(requests);
  expect(asks.length).toBeGreaterThan(1);
  for (const ask of asks) expect(ask.limit).toBeLessThanOrEqual(100);
  expect(asks.some((ask) => (ask.offset ?? 0) >= COUNT - 100)).toBe(true);
});
