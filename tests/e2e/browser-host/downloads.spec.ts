/**
 * Offline listening in the real browser host: Download → a live "Download progress" bar (the
 * fixture serves the audio slowly so the bar can be seen, paused and resumed) → "Remove download";
 * then the feed and audio server goes away and, after a reload, the downloaded episode still lists,
 * opens, shows its chapters and notes, plays and seeks — from the local file, since nothing else is
 * left to play from. Also: Remove download, a 404 enclosure in words, and the Downloads view.
 */
import { button, episodeOpener, openEpisode, seekPosition, seekTo, waitForPosition } from '../../support/earmark-ui.js';
import { downloadedList, downloadItem, downloadProgress, kilobytes } from '../../support/download-ui.js';
import { fixtureEpisodes, type FeedServer } from '../../support/fixture-feed.js';
import { chapterButton, noteBox, noteList } from '../../support/notes-ui.js';
import { throttledFile } from '../../support/throttled-file.js';
import { expect, test } from './fixtures.js';
import type { Page } from '@playwright/test';

/** About 2.5 s for the 938 KB fixture tone: slow enough to watch, quick enough for the suite. */
function serveSocketsSlowly(feed: FeedServer): void {
  feed.server.route('/audio/sockets.mp3', throttledFile(feed.audio.path, 'audio/mpeg'));
}

async function downloadSockets(page: Page, feed: FeedServer): Promise<void> {
  serveSocketsSlowly(feed);
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Download').click();
  const bar = downloadProgress(page);
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', new RegExp(`^\\d+ KB of ${kilobytes(feed.audio.bytes)}`));
  await expect(button(page, 'Cancel download')).toBeVisible();
  await expect(button(page, 'Remove download')).toBeVisible({ timeout: 15_000 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByText(`Downloaded · ${kilobytes(feed.audio.bytes)}`, { exact: true })).toBeVisible();
}

test('a downloaded episode lists, opens, shows chapters and notes, plays and seeks with the server gone', async ({
  page,
  feed,
}) => {
  serveSocketsSlowly(feed);
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Download').click();
  const bar = downloadProgress(page);
  await expect(bar).toBeVisible();
  // Pause keeps what was fetched; Resume continues from there.
  await button(page, 'Pause download').click();
  await expect(button(page, 'Resume download')).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', /^Paused at \d+ KB of /);
  await button(page, 'Resume download').click();
  // The rest may arrive before a poll sees "Pause download" again (a loaded machine): finishing is the proof.
  await expect(button(page, 'Resume download')).toHaveCount(0);
  await expect(button(page, 'Remove download')).toBeVisible({ timeout: 15_000 });

  // A note made online must be there offline too.
  await noteBox(page).fill('Offline note');
  await button(page, 'Add note').click();
  await expect(noteList(page)).toContainText('Offline note');

  await feed.server.stop();
  await page.reload();
  await button(page, 'Back to library').click();
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await openEpisode(page, fixtureEpisodes.sockets);
  for (const name of ['0:00 Intro', '1:38 Socket vs Connections', '3:05 Wrapping up'])
    await expect(chapterButton(page, name)).toBeVisible();
  await expect(noteList(page)).toContainText('Offline note');
  await expect(button(page, 'Remove download')).toBeVisible();

  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  const started = await waitForPosition(page, 2);
  expect(started).toBeLessThan(30);
  await seekTo(page, 150);
  const landed = await waitForPosition(page, 148, 5_000);
  expect(landed).toBeLessThan(160);
  let lowest = landed;
  await expect
    .poll(async () => {
      const now = await seekPosition(page);
      lowest = Math.min(lowest, now);
      return now;
    })
    .toBeGreaterThanOrEqual(landed + 2);
  expect(lowest, 'playback never fell back after the seek').toBeGreaterThanOrEqual(landed - 1);
});

test('Remove download brings the Download button back', async ({ page, feed }) => {
  await downloadSockets(page, feed);
  await button(page, 'Remove download').click();
  await expect(button(page, 'Download')).toBeVisible();
  await expect(button(page, 'Remove download')).toHaveCount(0);
});

test('an enclosure that answers 404 says so in words and offers Retry download', async ({ page, feed }) => {
  feed.server.route('/audio/pooling.mp3', (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  await openEpisode(page, fixtureEpisodes.pooling);
  await button(page, 'Download').click();
  await expect(
    page.getByRole('alert').filter({ hasText: /Couldn't download this episode\..*not on the server \(404/ }),
  ).toBeVisible();
  await expect(button(page, 'Retry download')).toBeVisible();
  // Once the file is back, Retry finishes the job.
  feed.server.file('/audio/pooling.mp3', feed.audio.path, 'audio/mpeg');
  await button(page, 'Retry download').click();
  await expect(button(page, 'Remove download')).toBeVisible();
});

test('the Downloads view lists the download with its size and the storage used', async ({ page, feed }) => {
  await button(page, 'Downloads').click();
  await expect(page.getByRole('heading', { name: 'Downloads', exact: true })).toBeVisible();
  await expect(page.getByText('No downloads yet')).toBeVisible();
  await page.goBack();
  await downloadSockets(page, feed);

  await button(page, 'Downloads').click();
  const size = kilobytes(feed.audio.bytes);
  const item = downloadItem(downloadedList(page), fixtureEpisodes.sockets);
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Downloaded · ${size}`);
  await expect(page.getByText(`${size} used by 1 downloaded episode`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Storage per show', exact: true })).toContainText(size);
  // The title opens the episode; "Remove download" in the row empties the view again.
  await item.getByRole('button', { name: 'Remove download', exact: true }).click();
  await expect(page.getByText('No downloads yet')).toBeVisible();
});
