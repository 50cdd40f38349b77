/**
 * OS notifications for new episodes, in the real app: a refresh that finds a new episode shows one
 * only with the setting "Notify me about new episodes" on, titled with the show and naming the
 * episode, and clicking it opens that episode. The app's Notification objects are real; only
 * show() is replaced, to record them (main-process.ts, recordNotifications), so this does not
 * prove that the desktop displays them or that a click on the desktop reaches the app.
 */
import type { Page } from '@playwright/test';
import { button, episodeOpener } from '../../support/earmark-ui.js';
import { ELECTRON_SKIP_REASON } from '../../support/electron-binary.js';
import { fixtureEpisodes, fixtureFeedXml, fixtureShowTitle, type FeedServer } from '../../support/fixture-feed.js';
import { electronPath, expect, test } from './fixtures.js';
import { clickNotification, recordNotifications, shownNotifications } from './main-process.js';

// Skipped where the Electron binary is not installed: our development machines and CI cannot download
// it (README, "The desktop half, and what has really run"), so these have never run. They run wherever
// `npm install` fetched Electron. The main-process wiring they rely on is also exercised on every
// `npm test` under a fake Electron (tests/unit/electron/main-boot.test.ts). Global setup prints the
// reason once, so the CI log says why these did not run.
test.skip(!electronPath, ELECTRON_SKIP_REASON);

const newEpisodes = ['Load Balancers at Layer 4', 'Timeouts All the Way Down'];

/** The fixture feed with new episodes on top (newest first), served from now on. */
function publish(feed: FeedServer, titles: readonly string[]): void {
  const items = titles
    .map(
      (title, index) => `<item>
      <title><![CDATA[${title}]]></title>
      <description><![CDATA[<p>${title}.</p>]]></description>
      <guid isPermaLink="false">c0ffee00-0000-4000-8000-0000000001${String(index).padStart(2, '0')}</guid>
      <pubDate>${new Date(Date.UTC(2025, 10, 20 - index, 9)).toUTCString()}</pubDate>
      <enclosure url="${feed.server.url('/audio/sockets.mp3')}" length="${feed.audio.bytes}" type="audio/mpeg"/>
      <itunes:duration>00:04:00</itunes:duration>
    </item>
    `,
    )
    .join('');
  const xml = fixtureFeedXml(feed.server.origin, feed.audio.bytes).replace('<item>', `${items}<item>`);
  feed.server.text('/feed.xml', xml, 'application/rss+xml; charset=utf-8');
}

/** Refreshes the feeds and waits until the episode is listed (the sync is done). */
async function refreshUntilListed(page: Page, title: string): Promise<void> {
  await button(page, 'Refresh feeds').click();
  await expect(episodeOpener(page, title)).toBeVisible({ timeout: 15_000 });
}

/** Sets "Notify me about new episodes" in Settings and waits until the app has saved it. */
async function setNotify(page: Page, on: boolean): Promise<void> {
  await button(page, 'Settings').click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: 'Notify me about new episodes', exact: true }).setChecked(on);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  // Every bridge call answers an envelope: { ok: true, value } or { ok: false, error }.
  type Envelope = { ok: true; value: { notifyNewEpisodes: boolean } } | { ok: false; error: unknown };
  type Bridge = { earmark: { getSettings(input: object): Promise<Envelope> } };
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const answer = await (window as unknown as Bridge).earmark.getSettings({});
        return answer.ok ? answer.value.notifyNewEpisodes : `error: ${JSON.stringify(answer.error)}`;
      }),
    )
    .toBe(on);
}

test.beforeEach(async ({ electronApp, page }) => {
  // The first sync has run: the show has synced before, so what the next one adds is news.
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await recordNotifications(electronApp);
});

test('with the setting on, a refresh that finds a new episode notifies; clicking it opens the episode', async ({
  electronApp,
  page,
  feed,
}) => {
  await setNotify(page, true);
  publish(feed, [newEpisodes[0]!]);
  await refreshUntilListed(page, newEpisodes[0]!);
  await expect
    .poll(() => shownNotifications(electronApp))
    .toEqual([{ title: `New on ${fixtureShowTitle}`, body: newEpisodes[0] }]);

  await clickNotification(electronApp, 0);
  await expect(page.getByRole('heading', { name: newEpisodes[0], exact: true })).toBeVisible();
});

test('with the setting off (the default), a refresh that finds new episodes shows no notification', async ({
  electronApp,
  page,
  feed,
}) => {
  publish(feed, [newEpisodes[0]!]);
  await refreshUntilListed(page, newEpisodes[0]!);
  // Main decides as the sync ends, before the list shows the episode; give it ample time anyway.
  await page.waitForTimeout(1_500);
  expect(await shownNotifications(electronApp)).toEqual([]);

  // The control: the same recorder sees the next new episode once the setting is on, and only it.
  await setNotify(page, true);
  publish(feed, newEpisodes);
  await refreshUntilListed(page, newEpisodes[1]!);
  await expect
    .poll(() => shownNotifications(electronApp))
    .toEqual([{ title: `New on ${fixtureShowTitle}`, body: newEpisodes[1] }]);
});
