/**
 * Offline in the real browser host (issue 12, 3.5): with the network gone, an episode that is not
 * downloaded says "Not downloaded — unavailable offline" in its row and on its page and cannot be
 * started, while a downloaded one stays playable, from its file.
 */
import type { Page } from '@playwright/test';
import { button, episodeOpener, openEpisode, waitForPosition } from '../../support/earmark-ui.js';
import { episodeRow } from '../../support/daily-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { expect, test } from './fixtures.js';

const offlineWords = 'Not downloaded — unavailable offline';
const playButton = (page: Page, title: string) =>
  episodeRow(page, title).getByRole('button', { name: `Play ${title}`, exact: true });

async function downloadSockets(page: Page): Promise<void> {
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Download').click();
  await expect(button(page, 'Remove download')).toBeVisible({ timeout: 15_000 });
}

test('offline, an episode not downloaded says so in its row and on its page; a downloaded one still plays', async ({
  page,
  context,
  feed,
}) => {
  await downloadSockets(page);
  await button(page, 'Back to library').click();
  await expect(episodeOpener(page, fixtureEpisodes.pooling)).toBeVisible();

  // Chromium's own offline signal (navigator.onLine and the offline event), and no server for the enclosures.
  await context.setOffline(true);
  await feed.server.stop();
  const pooling = episodeRow(page, fixtureEpisodes.pooling);
  await expect(pooling).toContainText(offlineWords);
  await expect(playButton(page, fixtureEpisodes.pooling)).toBeDisabled();
  const sockets = episodeRow(page, fixtureEpisodes.sockets);
  await expect(sockets).toContainText('Downloaded');
  await expect(sockets).not.toContainText(offlineWords);

  // The download plays, from its file.
  await playButton(page, fixtureEpisodes.sockets).click();
  await expect(sockets.getByRole('button', { name: `Pause ${fixtureEpisodes.sockets}`, exact: true })).toBeVisible();
  await waitForPosition(page, 2);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();

  await openEpisode(page, fixtureEpisodes.pooling);
  await expect(page.getByText(/^Not downloaded — unavailable offline\./)).toBeVisible();
  await expect(button(page, 'Listen now')).toBeDisabled();

  // Back online, it can be started again.
  await context.setOffline(false);
  await expect(page.getByText(/^Not downloaded — unavailable offline\./)).toHaveCount(0);
  await expect(button(page, 'Listen now')).toBeEnabled();
});
