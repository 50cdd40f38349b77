/**
 * A show's artwork is kept in the data folder (issue 12, 3.5): with the feed's server gone, a fresh
 * start of the page still shows it, served from /artwork/<feed id> instead of the feed's address.
 */
import type { Locator, Page } from '@playwright/test';
import { episodeOpener } from '../../support/earmark-ui.js';
import { fixtureEpisodes, fixtureShowTitle } from '../../support/fixture-feed.js';
import { expect, test } from './fixtures.js';

/** The library header's picture: the artwork is decorative (aria-hidden) beside the show's heading. */
const headerPicture = (page: Page): Locator =>
  page.locator('header', { has: page.getByRole('heading', { name: fixtureShowTitle, level: 1 }) }).locator('img');

const loadedWidth = (picture: Locator) =>
  picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));

test("the show's artwork still shows at a start with its server gone", async ({ page, feed }) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  // Once kept, the library names the kept copy first.
  await expect(headerPicture(page)).toHaveAttribute('src', /^\/artwork\/[\w-]+\?v=[0-9a-f]{16}$/);

  await feed.server.stop();
  await page.reload();
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await expect(headerPicture(page)).toHaveAttribute('src', /^\/artwork\//);
  await expect.poll(() => loadedWidth(headerPicture(page))).toBe(300);
});
