/**
 * Finding a show: "Find podcasts" searches a fixture directory (answering like Apple's iTunes Search
 * API, text/javascript and all) that the host reaches through --directory-url; subscribing from the
 * results; what the listener reads when nothing matches or the directory fails; answers that
 * overtake each other; and subscribing with a show's web page that names several feeds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../../support/browser-host.js';
import {
  findPodcastsBox,
  findPodcastsButton,
  foundShow,
  podcastsFound,
  subscribeToShow,
} from '../../support/directory-ui.js';
import { button } from '../../support/earmark-ui.js';
import { fixtureShowTitle } from '../../support/fixture-feed.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { expect, test as hostTest } from './fixtures.js';

interface Directory {
  server: FixtureServer;
  /** Terms the directory was asked for, in order. */
  asked: string[];
  /** Holds back the answer to "back" until called; resolves once that answer was sent. */
  releaseSlow: () => Promise<void>;
}

const bannerRss = (title: string, author: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>${title}</title><description>d</description><itunes:author>${author}</itunes:author>
<item><title>${title}: the first one</title><guid>${title}-1</guid><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
<enclosure url="https://cdn.example/1.mp3" length="1000" type="audio/mpeg"/></item>
</channel></rss>`;

const test = hostTest.extend<{ directory: Directory }>({
  directory: async ({ feed }, use) => {
    const server = await startFixtureServer();
    const asked: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent!: () => void;
    const slowSent = new Promise<void>((resolve) => (sent = resolve));
    server.file('/art/banter.png', path.join(repoRoot, 'assets/icons/256x256.png'), 'image/png');
    server.text('/banter.xml', bannerRss('Backend Banter', 'Lane Wagner'), 'application/rss+xml');
    server.text('/slow.xml', bannerRss('Old Slow Show', 'Someone'), 'application/rss+xml');
    const banter = {
      collectionId: 1,
      collectionName: 'Backend Banter',
      artistName: 'Lane Wagner',
      feedUrl: server.url('/banter.xml'),
      artworkUrl600: server.url('/art/banter.png'),
      trackCount: 120,
    };
    const fixtureShow = {
      collectionId: 2,
      collectionName: fixtureShowTitle,
      artistName: 'Fixture Host',
      feedUrl: feed.feedUrl,
      trackCount: 5,
    };
    const answers: Record<string, object[]> = {
      engineering: [banter, fixtureShow, { collectionId: 3, collectionName: 'Apple Only', trackCount: 9 }],
      backend: [banter],
      back: [{ collectionId: 4, collectionName: 'Old Slow Show', feedUrl: server.url('/slow.xml'), trackCount: 1 }],
    };
    server.route('/search', async (req: IncomingMessage, res: ServerResponse) => {
      const term = new URL(req.url ?? '/', server.origin).searchParams.get('term') ?? '';
      asked.push(term);
      if (term === 'broken') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('down');
        return;
      }
      if (term === 'back') await held;
      const results = answers[term] ?? [];
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
        .end(JSON.stringify({ resultCount: results.length, results }));
      if (term === 'back') sent();
    });
    await use({
      server,
      asked,
      releaseSlow: () => {
        release();
        return slowSent;
      },
    });
    release();
    await server.stop();
  },
  directoryUrl: async ({ directory }, use) => {
    await use(directory.server.url('/search'));
  },
});

async function openFinder(page: Page): Promise<void> {
  await findPodcastsButton(page).click();
  await expect(findPodcastsBox(page)).toBeFocused();
}

test('search the directory by name and subscribe from the results', async ({ page, directory }) => {
  await expect(page.getByRole('heading', { level: 1, name: fixtureShowTitle })).toBeVisible();
  await openFinder(page);
  await findPodcastsBox(page).pressSequentially('engineering');
  await expect(podcastsFound(page).getByRole('listitem')).toHaveCount(2);
  expect(directory.asked.at(-1)).toBe('engineering');

  const banter = foundShow(page, 'Backend Banter');
  await expect(banter).toContainText('Lane Wagner');
  await expect(banter).toContainText('120 episodes');
  await expect(banter.locator('img')).toHaveJSProperty('complete', true);
  // The show already subscribed says so instead of offering Subscribe.
  const mine = foundShow(page, fixtureShowTitle);
  await expect(mine).toContainText('In your library');
  await expect(mine.getByRole('button')).toHaveCount(0);
  // A result without a feed is left out.
  await expect(podcastsFound(page)).not.toContainText('Apple Only');
  // The README's screenshot of this screen (only with EARMARK_SCREENSHOTS=1, like screenshots.spec.ts).
  if (process.env.EARMARK_SCREENSHOTS) {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshots/find-podcasts-light.png', animations: 'disabled', caret: 'hide' });
  }

  await subscribeToShow(page, 'Backend Banter').click();
  await expect(banter).toContainText('In your library');
  await expect(subscribeToShow(page, 'Backend Banter')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Backend Banter' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Shows' }).getByRole('button', { name: 'Backend Banter' }),
  ).toBeVisible();

  // Escape clears the box, a second Escape closes the panel and focus goes back to its button.
  await findPodcastsBox(page).press('Escape');
  await expect(findPodcastsBox(page)).toHaveValue('');
  await findPodcastsBox(page).press('Escape');
  await expect(findPodcastsBox(page)).toHaveCount(0);
  await expect(findPodcastsButton(page)).toBeFocused();
  await expect(findPodcastsButton(page)).toHaveAttribute('aria-expanded', 'false');
});

test('says so when nothing matches and when the directory fails', async ({ page }) => {
  await openFinder(page);
  await findPodcastsBox(page).fill('zzz nothing');
  await expect(page.getByRole('status').filter({ hasText: 'No podcasts match “zzz nothing”.' })).toBeVisible();
  await expect(podcastsFound(page)).toHaveCount(0);

  await findPodcastsBox(page).fill('broken');
  await findPodcastsBox(page).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'podcast directory' })).toHaveText(
    "Couldn't reach the podcast directory: it answered 500 Internal Server Error.",
  );
  await expect(page.getByRole('status').filter({ hasText: 'Searching' })).toHaveCount(0);
});

test('a slow answer to older words never replaces the newer results', async ({ page, directory }) => {
  await openFinder(page);
  await findPodcastsBox(page).fill('back');
  await expect.poll(() => directory.asked).toContain('back');
  const slowAnswer = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/searchDirectory') && response.request().postData()?.includes('"back"') === true,
  );
  await findPodcastsBox(page).fill('backend');
  await expect(subscribeToShow(page, 'Backend Banter')).toBeVisible();

  await directory.releaseSlow();
  await (await slowAnswer).finished();
  // Let the page handle the answer it just got, then look.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(podcastsFound(page)).not.toContainText('Old Slow Show');
  await expect(podcastsFound(page).getByRole('listitem')).toHaveCount(1);
});

test('subscribe with a show’s web page that names several feeds: pick one', async ({ page, directory }) => {
  directory.server.text(
    '/show/',
    `<!DOCTYPE html><html><head><title>Banter</title>
      <link rel="alternate" type="application/rss+xml" title="Backend Banter (MP3)" href="../banter.xml">
      <link rel="alternate" type="application/rss+xml" title="Old Slow Show" href="/slow.xml">
    </head><body>Listen</body></html>`,
    'text/html; charset=utf-8',
  );
  await page.getByRole('textbox', { name: 'Feed URL', exact: true }).fill(directory.server.url('/show/'));
  await button(page, 'Subscribe').click();
  const choices = page.getByRole('list', { name: 'Feeds on this page', exact: true });
  await expect(choices.getByRole('button')).toHaveText([
    'Subscribe to Backend Banter (MP3)',
    'Subscribe to Old Slow Show',
  ]);
  await choices.getByRole('button', { name: 'Subscribe to Backend Banter (MP3)', exact: true }).click();
  await expect(page.getByText('Subscribed to Backend Banter.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Backend Banter' })).toBeVisible();
  await expect(choices).toHaveCount(0);
});

test('Find podcasts passes axe and fits at 800×600 (screenshots: light, dark, 800×600)', async ({ page }, testInfo) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openFinder(page);
  await findPodcastsBox(page).fill('engineering');
  await expect(foundShow(page, 'Backend Banter').locator('img')).toHaveJSProperty('complete', true);
  await page.mouse.move(0, 0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page })
      .include('#find-podcasts-panel')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious, `axe on Find podcasts (${scheme})`).toEqual([]);
    await page.screenshot({
      path: testInfo.outputPath(`find-podcasts-${scheme}.png`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 800, height: 600 });
  await findPodcastsBox(page).scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('find-podcasts-800x600.png'),
    animations: 'disabled',
    caret: 'hide',
  });
  // Nothing spills sideways at 800 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
});
