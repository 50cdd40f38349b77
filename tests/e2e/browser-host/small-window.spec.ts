/** An 800×600 window shows the episode list first; adding a show waits behind "Add a show". */
import { episodeList } from '../../support/earmark-ui.js';
import { expect, test } from './fixtures.js';

test.use({ viewport: { width: 800, height: 600 } });

test('at 800×600 the first episode is on the first screen, and "Add a show" opens the subscribe row', async ({
  page,
}) => {
  const first = episodeList(page).getByRole('listitem').first();
  await expect(first).toBeVisible();
  const box = await first.boundingBox();
  expect(box, 'the first row is laid out').not.toBeNull();
  expect(box!.y + 40, 'the first row starts on the first screen').toBeLessThanOrEqual(600);

  const feedUrl = page.getByRole('textbox', { name: 'Feed URL', exact: true });
  await expect(feedUrl).toBeHidden();
  const add = page.getByRole('button', { name: 'Add a show', exact: true });
  await expect(add).toHaveAttribute('aria-expanded', 'false');
  await add.click();
  await expect(add).toHaveAttribute('aria-expanded', 'true');
  await expect(feedUrl).toBeVisible();
  await expect(page.getByRole('button', { name: 'Find podcasts', exact: true })).toBeVisible();
  // Nothing spills sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
});

test('a big window has no "Add a show": the subscribe row is always there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('textbox', { name: 'Feed URL', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a show', exact: true })).toHaveCount(0);
});
