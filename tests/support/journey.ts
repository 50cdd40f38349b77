/**
 * The listening journey both shells must pass: the same tests registered once for the browser host
 * (Chromium) and once for the Electron app. `page` is the app's window; `feed` the fixture server
 * the app was pointed at.
 */
import { expect, type Page, type TestType } from '@playwright/test';
import {
  button,
  episodeList,
  episodeOpener,
  openEpisode,
  playbackSpeed,
  playThenPause,
  seekPosition,
  seekSlider,
  seekTo,
  waitForPosition,
} from './earmark-ui.js';
import { fixtureEpisodes, fixtureEpisodeTitles, type FeedServer } from './fixture-feed.js';
import type { RequestRecord } from './fixture-server.js';

export interface JourneyFixtures {
  page: Page;
  feed: FeedServer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any worker fixtures will do
export function registerJourney(test: TestType<JourneyFixtures, any>): void {
  test('lists the fixture episodes, newest first', async ({ page }) => {
    for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
    const items = await episodeList(page).getByRole('listitem').allInnerTexts();
    const order = fixtureEpisodeTitles.map((title) => items.findIndex((text) => text.includes(title)));
    expect(order, `titles in list order: ${JSON.stringify(items)}`).toEqual([...order].sort((a, b) => a - b));
  });

  test('opens an episode with its heading and sanitized notes; hostile markup stays inert', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.hostileNotes);
    await expect(page.getByText('This paragraph survives sanitizing.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'good link' })).toBeVisible();
    // Give the <img src=x> time to fail, so an onerror handler that survived would have run.
    await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
    const badLink = page.getByText('bad link', { exact: true });
    await expect(badLink).toBeVisible();
    expect((await badLink.getAttribute('href')) ?? '').not.toMatch(/^\s*javascript:/i);
    await badLink.click();
    const dom = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      scripts: Array.from(document.querySelectorAll('script')).filter((s) => s.text.includes('__xss')).length,
      handlers: document.querySelectorAll('[onerror], [onclick], [onload]').length,
    }));
    expect(dom).toEqual({ xss: undefined, scripts: 0, handlers: 0 });
  });

  test('shows timestamped show notes as text', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.sockets);
    await expect(page.getByText('1:38 Socket vs Connections').first()).toBeVisible();
    await expect(page.getByText('0:00 Intro').first()).toBeVisible();
  });

  test('Play advances the Seek slider and turns into Pause; Pause stops it', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.sockets);
    await expect(seekSlider(page)).toBeVisible();
    await expect(playbackSpeed(page)).toBeVisible();
    const resting = await playThenPause(page, 2);
    expect(resting).toBeGreaterThanOrEqual(2);
    await expect(seekSlider(page)).toHaveAttribute('aria-valuetext', /^\d+:\d{2} of 4:00$/);
    await page.waitForTimeout(1_500);
    expect(await seekPosition(page), 'paused playback does not advance').toBeLessThanOrEqual(resting + 1);
  });

  test('seeking with the slider moves playback, which continues from there', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.sockets);
    await button(page, 'Play').click();
    await waitForPosition(page, 1);
    await seekTo(page, 150);
    const landed = await waitForPosition(page, 148, 5_000);
    expect(landed).toBeLessThan(160);
    // Without Range support Chromium silently jumps back to 0; watch that it doesn't.
    let lowest = landed;
    await expect
      .poll(
        async () => {
          const now = await seekPosition(page);
          lowest = Math.min(lowest, now);
          return now;
        },
        { message: 'playback keeps advancing after the seek' },
      )
      .toBeGreaterThanOrEqual(landed + 2);
    expect(lowest, 'position never fell back after the seek').toBeGreaterThanOrEqual(landed - 1);
    await expect(button(page, 'Pause')).toBeVisible();
  });

  test('the arrow keys on the Seek slider move the position', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.sockets);
    const before = await playThenPause(page, 1);
    await seekSlider(page).focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => seekPosition(page)).toBeGreaterThan(before);
  });

  test('Skip forward 30 seconds and Skip back 15 seconds move the position', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.pooling);
    const start = await playThenPause(page, 1);
    await button(page, 'Skip forward 30 seconds').click();
    await expect.poll(() => seekPosition(page)).toBeGreaterThanOrEqual(start + 29);
    expect(await seekPosition(page)).toBeLessThanOrEqual(start + 31);
    await button(page, 'Skip back 15 seconds').click();
    await expect.poll(() => seekPosition(page)).toBeLessThanOrEqual(start + 16);
    expect(await seekPosition(page)).toBeGreaterThanOrEqual(start + 14);
  });

  test('Playback speed 2× plays twice as fast', async ({ page }) => {
    await openEpisode(page, fixtureEpisodes.queues);
    const speed = playbackSpeed(page);
    await expect(speed).toBeVisible();
    const role = await speed.evaluate((element) => element.getAttribute('role') ?? element.tagName.toLowerCase());
    expect(role, 'this test drives a <select> (combobox); teach it the new widget').toMatch(/^(select|combobox)$/);
    const labels = await speed.getByRole('option').allInnerTexts();
    const double = labels.find((label) => /^\s*2(\.0+)?\s*[×x]?\s*$/i.test(label));
    expect(double, `a 2× option among ${JSON.stringify(labels)}`).toBeDefined();
    await speed.selectOption({ label: double ?? '' });
    await button(page, 'Play').click();
    const start = await waitForPosition(page, 1);
    const startedAt = Date.now();
    const later = await waitForPosition(page, start + 8);
    const seconds = (Date.now() - startedAt) / 1000;
    // 8 s of audio at 2× take ~4 s; at 1× they would take 8 s.
    expect(seconds, `${later - start} s of audio took ${seconds} s`).toBeLessThan(6.5);
  });

  test('a feed that answers 404 shows a clear error and leaves the episodes alone', async ({ page, feed }) => {
    await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
    const before = await episodeList(page).getByRole('listitem').count();
    await page.getByRole('textbox', { name: 'Feed URL', exact: true }).fill(feed.missingFeedUrl);
    await button(page, 'Subscribe').click();
    await expect(page.getByRole('alert').filter({ hasText: /404|not found|could ?n[o']t|failed/i })).toBeVisible();
    expect(feed.server.requests.some((r: RequestRecord) => r.path === '/missing/feed.xml' && r.status === 404)).toBe(
      true,
    );
    await expect(episodeList(page).getByRole('listitem')).toHaveCount(before);
    for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
  });

  test('a reload keeps the library, even with the feed unreachable', async ({ page, feed }) => {
    for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
    await feed.server.stop();
    await page.reload();
    for (const title of fixtureEpisodeTitles) await expect(episodeOpener(page, title)).toBeVisible();
  });
}
