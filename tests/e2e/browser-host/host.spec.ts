/**
 * What only the browser host has: a process that can be restarted on the same data dir, and a
 * screenshot of the episode view for humans reading a run (docs/screenshots/ is made by
 * screenshots.spec.ts).
 */
import { writeFileSync } from 'node:fs';
import { openEpisode, playThenPause, seekPosition, seekTo, episodeOpener } from '../../support/earmark-ui.js';
import { startBrowserHost } from '../../support/browser-host.js';
import { fixtureEpisodes, fixtureEpisodeTitles } from '../../support/fixture-feed.js';
import { expect, test } from './fixtures.js';

test('a restarted host on the same data dir still has the library, with the feed gone', async ({
  page,
  host,
  feed,
}) => {
  for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
  expect(await host.stop()).toEqual({ code: 0, signal: null, timedOut: false });
  await feed.server.stop();

  const again = await startBrowserHost({ dataDir: host.dataDir, feedUrl: feed.feedUrl });
  try {
    await page.goto(again.url);
    for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
  } finally {
    expect(await again.stop(), `second host's stderr:\n${again.stderr()}`).toEqual({
      code: 0,
      signal: null,
      timedOut: false,
    });
  }
});

test('screenshot: an episode with the player, saved with the test results', async ({ page }, testInfo) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  await playThenPause(page, 1);
  await seekTo(page, 98);
  await expect.poll(() => seekPosition(page)).toBeGreaterThanOrEqual(97);
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  const forHumans = testInfo.outputPath('episode-view.png');
  writeFileSync(forHumans, png);
  await testInfo.attach('episode view', { path: forHumans, contentType: 'image/png' });
});
