/**
 * What only the browser host has: a process that can be restarted on the same data dir, and the
 * README screenshot (taken here because Chromium runs everywhere).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openEpisode, playThenPause, seekPosition, seekTo, episodeOpener } from '../../support/earmark-ui.js';
import { repoRoot, startBrowserHost } from '../../support/browser-host.js';
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

test('screenshot: an episode with the player (README when EARMARK_UPDATE_SCREENSHOT=1)', async ({ page }, testInfo) => {
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
  if (process.env.EARMARK_UPDATE_SCREENSHOT === '1') {
    const readme = join(repoRoot, 'assets/screenshot.png');
    mkdirSync(dirname(readme), { recursive: true });
    writeFileSync(readme, png);
  }
});
