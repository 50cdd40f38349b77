/**
 * Messages in the real browser host that must not outlive what they were about, and small words
 * (issue 12, 3.14–3.15): a subscribe error goes when its address is edited or cleared; a refresh
 * failure (the show's, or the whole call's) goes once the show syncs again; one search hit is "1 result".
 */
import { button, episodeOpener } from '../../support/earmark-ui.js';
import { fixtureEpisodes, fixtureFeedXml } from '../../support/fixture-feed.js';
import { expect, test } from './fixtures.js';

test('a subscribe error goes away when the Feed URL is edited or cleared', async ({ page, feed }) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  const address = page.getByRole('textbox', { name: 'Feed URL', exact: true });
  const error = page.getByRole('alert').filter({ hasText: "Couldn't subscribe" });

  await address.fill(feed.missingFeedUrl);
  await button(page, 'Subscribe').click();
  await expect(error).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  // Fixing a typo: the message was about the old address.
  await address.press('End');
  await address.press('Backspace');
  await expect(address).toHaveValue(feed.missingFeedUrl.slice(0, -1));
  await expect(error).toHaveCount(0);
  await expect(address).not.toHaveAttribute('aria-invalid');

  // Not an address at all: the hint, until the field is cleared.
  await address.fill('ftp://example.invalid/feed.xml');
  await button(page, 'Subscribe').click();
  const hint = page.getByRole('alert').filter({ hasText: 'Enter the address of a podcast feed' });
  await expect(hint).toBeVisible();
  await address.clear();
  await expect(hint).toHaveCount(0);
  await expect(address).not.toHaveAttribute('aria-invalid');
});

test('a refresh failure goes away once a later refresh succeeds', async ({ page, feed }) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  const xml = fixtureFeedXml(feed.server.origin, feed.audio.bytes);
  let failures = 0;
  let served = 0;
  // The feed's server fails once, then answers again.
  feed.server.route('/feed.xml', (_req, res) => {
    if (failures === 0) {
      failures += 1;
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal error');
      return;
    }
    served += 1;
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(xml);
  });
  // The show's sync status: "Updated …" (or "Refreshing…" while a refresh runs) and why it failed.
  const syncStatus = page.getByRole('status').filter({ hasText: /^(Updated|Refreshing)/ });

  await button(page, 'Refresh feeds').click();
  await expect(syncStatus).toContainText("Couldn't refresh: The feed server answered 500");
  expect(failures).toBe(1);
  // The list is still there beside the failure.
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();

  await button(page, 'Refresh feeds').click();
  await expect.poll(() => served).toBe(1);
  // While a refresh runs the failure is hidden anyway: wait for it to be over.
  await expect(syncStatus).toContainText('Updated');
  await expect(syncStatus).not.toContainText("Couldn't refresh");
});

test('a refresh that failed as a whole stops saying so once the show syncs again', async ({ page, context, host }) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  const syncStatus = page.getByRole('status').filter({ hasText: /^(Updated|Refreshing)/ });
  // The call itself fails (Earmark unreachable for a moment), not the show's feed.
  await page.route('**/api/refreshFeeds', (route) => route.abort('connectionrefused'), { times: 1 });
  await button(page, 'Refresh feeds').click();
  await expect(syncStatus).toContainText("Couldn't refresh: Earmark is not reachable. Is it still running?");

  // The show syncs again, refreshed from a second window on the same host. Once this window has
  // heard (its "Updated" time moves; while the sync runs it says "Refreshing…" instead), the failure is gone.
  const updatedAt = syncStatus.locator('time');
  const before = await updatedAt.getAttribute('datetime');
  expect(before).toBeTruthy();
  const other = await context.newPage();
  await other.goto(host.url);
  await button(other, 'Refresh feeds').click();
  await expect(updatedAt).not.toHaveAttribute('datetime', before!);
  await expect(syncStatus).not.toContainText("Couldn't refresh");
  await other.close();
});

test('one search hit is "1 result"', async ({ page }) => {
  await expect(episodeOpener(page, fixtureEpisodes.hostileNotes)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('bite');
  const results = page.getByRole('region', { name: 'Search results', exact: true });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button')).toHaveAccessibleName(/^Title /);
  await expect(results.getByText('1 result for bite', { exact: true })).toBeAttached();
  await expect(results).not.toContainText('1 results');
});
