/** Up next: add from the episode view and the list, reorder by keyboard, remove, and auto-advance at the end. */
import { button, openEpisode, seekTo } from '../../support/earmark-ui.js';
import { episodeRow, openUpNext, playerTitle, upNextList } from '../../support/daily-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { waitForSeekAtLeast } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

test('when an episode ends, the first one in Up next starts by itself', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.queues);
  await button(page, 'Add to Up next').click();
  await expect(page.getByText('In Up next', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Play').click();
  await waitForSeekAtLeast(page, 1);
  await seekTo(page, 236); // the fixture audio is 240 s
  await expect(playerTitle(page, fixtureEpisodes.queues)).toBeVisible({ timeout: 15_000 });
  await expect(button(page, 'Pause')).toBeVisible();
  await waitForSeekAtLeast(page, 1);

  // The finished one is marked played; the queue is empty again.
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await expect(episodeRow(page, fixtureEpisodes.sockets)).toContainText('Played');
  await openUpNext(page);
  await expect(page.getByText('Your queue is empty')).toBeVisible();
});

test('Up next reorders with Move up / Move down and Alt+arrows (announced), and removes', async ({ page }) => {
  for (const title of [fixtureEpisodes.pooling, fixtureEpisodes.queues, fixtureEpisodes.hostileNotes]) {
    const row = episodeRow(page, title);
    await row.hover();
    await row.getByRole('button', { name: 'Add to Up next', exact: true }).click();
    await expect(row.getByRole('button', { name: 'Remove from Up next', exact: true })).toBeVisible();
  }
  await openUpNext(page);
  const titles = () =>
    upNextList(page)
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.querySelector('button')?.textContent));
  await expect.poll(titles).toEqual([fixtureEpisodes.pooling, fixtureEpisodes.queues, fixtureEpisodes.hostileNotes]);

  const first = upNextList(page).getByRole('listitem').first();
  await first.getByRole('button', { name: 'Move down', exact: true }).click();
  await expect.poll(titles).toEqual([fixtureEpisodes.queues, fixtureEpisodes.pooling, fixtureEpisodes.hostileNotes]);
  await expect(
    page.getByRole('status').filter({ hasText: `${fixtureEpisodes.pooling} moved to 2 of 3` }),
  ).toBeAttached();

  // Keyboard: focus stays on the moved item's button; Alt+↓ moves it again.
  await expect(
    upNextList(page).getByRole('listitem').nth(1).getByRole('button', { name: 'Move down', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(titles).toEqual([fixtureEpisodes.queues, fixtureEpisodes.hostileNotes, fixtureEpisodes.pooling]);
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(titles).toEqual([fixtureEpisodes.pooling, fixtureEpisodes.queues, fixtureEpisodes.hostileNotes]);

  await upNextList(page)
    .getByRole('listitem')
    .filter({ hasText: fixtureEpisodes.queues })
    .getByRole('button', { name: 'Remove from Up next', exact: true })
    .click();
  await expect.poll(titles).toEqual([fixtureEpisodes.pooling, fixtureEpisodes.hostileNotes]);

  // The order is the service's: it survives a reload.
  await page.reload();
  await expect.poll(titles).toEqual([fixtureEpisodes.pooling, fixtureEpisodes.hostileNotes]);
});

test('drag and drop reorders Up next', async ({ page }) => {
  for (const title of [fixtureEpisodes.pooling, fixtureEpisodes.queues]) {
    const row = episodeRow(page, title);
    await row.hover();
    await row.getByRole('button', { name: 'Add to Up next', exact: true }).click();
  }
  await openUpNext(page);
  const items = upNextList(page).getByRole('listitem');
  await items.nth(1).dragTo(items.nth(0), { targetPosition: { x: 40, y: 5 } });
  await expect
    .poll(() => items.evaluateAll((all) => all.map((item) => item.querySelector('button')?.textContent)))
    .toEqual([fixtureEpisodes.queues, fixtureEpisodes.pooling]);
});

test('an episode marked played leaves Up next; the row of a paused episode says Paused, not Now playing', async ({
  page,
}) => {
  for (const title of [fixtureEpisodes.pooling, fixtureEpisodes.queues]) {
    const row = episodeRow(page, title);
    await row.hover();
    await row.getByRole('button', { name: 'Add to Up next', exact: true }).click();
  }
  const queued = episodeRow(page, fixtureEpisodes.queues);
  await queued.hover();
  await queued.getByRole('button', { name: 'Mark as played', exact: true }).click();
  await openUpNext(page);
  await expect(upNextList(page).getByRole('listitem')).toHaveCount(1);
  await expect(upNextList(page)).toContainText(fixtureEpisodes.pooling);

  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  const pooling = episodeRow(page, fixtureEpisodes.pooling);
  await pooling.getByRole('button', { name: `Play ${fixtureEpisodes.pooling}`, exact: true }).click();
  await expect(pooling).toContainText('Now playing');
  await pooling.getByRole('button', { name: `Pause ${fixtureEpisodes.pooling}`, exact: true }).click();
  await expect(pooling).toContainText('Paused');
  await expect(pooling).not.toContainText('Now playing');
});
