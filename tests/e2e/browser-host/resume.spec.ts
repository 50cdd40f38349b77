/**
 * Position and played state: the position survives a reload (within 2 s), the last episode waits in
 * the player on start, and Mark as played / unplayed work from the list and the episode view.
 */
import { button, episodeOpener, openEpisode, seekPosition, seekTo } from '../../support/earmark-ui.js';
import { episodeRow, playerTitle } from '../../support/daily-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { waitForSeekAtLeast } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

test('a reload resumes within 2 s of where playback stopped, and the last episode waits in the player', async ({
  page,
}) => {
  await openEpisode(page, fixtureEpisodes.pooling);
  await button(page, 'Play').click();
  await waitForSeekAtLeast(page, 1);
  await seekTo(page, 60); // a fast seek instead of a minute of listening
  const reached = await waitForSeekAtLeast(page, 62);
  await page.reload(); // while playing: the position is flushed as the page goes
  await expect(page.getByRole('heading', { name: fixtureEpisodes.pooling, level: 1 })).toBeVisible();
  await expect.poll(() => seekPosition(page)).toBeGreaterThanOrEqual(reached - 2);
  expect(await seekPosition(page)).toBeLessThanOrEqual(reached + 4);
  await expect(button(page, 'Play')).toBeVisible();

  // From the library (a fresh start without the episode page), the player still has it, paused.
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await page.reload();
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await expect(playerTitle(page, fixtureEpisodes.pooling)).toBeVisible();
  const resumed = await seekPosition(page);
  expect(Math.abs(resumed - reached)).toBeLessThanOrEqual(4);
  await expect(button(page, 'Play')).toBeVisible();
});

test('Mark as played from the list and from the episode view; played rows say so', async ({ page }) => {
  const row = episodeRow(page, fixtureEpisodes.queues);
  await row.hover();
  await row.getByRole('button', { name: 'Mark as played', exact: true }).click();
  await expect(row).toContainText('Played');
  await row.getByRole('button', { name: 'Mark as unplayed', exact: true }).click();
  await expect(row).not.toContainText('Played');

  await openEpisode(page, fixtureEpisodes.queues);
  await button(page, 'Mark as played').click();
  await expect(button(page, 'Mark as unplayed')).toBeVisible();
  await page.reload();
  await expect(button(page, 'Mark as unplayed')).toBeVisible();
});
