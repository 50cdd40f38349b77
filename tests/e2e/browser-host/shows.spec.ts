/**
 * Shows: unsubscribe keeps notes and asks about downloads only when there are some; OPML export then
 * import round-trips.
 */
import { readFile } from 'node:fs/promises';
import { button, episodeOpener, openEpisode } from '../../support/earmark-ui.js';
import { fixtureEpisodes, fixtureShowTitle } from '../../support/fixture-feed.js';
import { noteBox, noteList } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';
import type { Page } from '@playwright/test';

async function unsubscribe(page: Page, choice: 'Keep downloads' | 'Delete downloads' | 'Unsubscribe'): Promise<void> {
  await button(page, 'Unsubscribe').click();
  const dialog = page.getByRole('dialog', { name: `Unsubscribe from ${fixtureShowTitle}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your notes and listening positions are kept.');
  await dialog.getByRole('button', { name: choice, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No episodes yet')).toBeVisible();
}

test('Unsubscribe asks about downloads and keeps notes; subscribing again brings them back', async ({ page, feed }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  await noteBox(page).fill('Keep me across unsubscribing');
  await button(page, 'Add note').click();
  await expect(noteList(page)).toContainText('Keep me');
  await button(page, 'Download').click();
  await expect(button(page, 'Remove download')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();

  await button(page, 'Unsubscribe').click();
  const dialog = page.getByRole('dialog', { name: `Unsubscribe from ${fixtureShowTitle}?` });
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await unsubscribe(page, 'Keep downloads');

  // The note is still found by search while the show is gone.
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('across unsubscribing');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('Keep me across unsubscribing');
  await page.getByRole('searchbox', { name: 'Search', exact: true }).press('Escape');

  await page.getByRole('textbox', { name: 'Feed URL', exact: true }).fill(feed.feedUrl);
  await button(page, 'Subscribe').click();
  await openEpisode(page, fixtureEpisodes.sockets);
  await expect(noteList(page)).toContainText('Keep me across unsubscribing');
  // The kept download is the episode's again.
  await expect(button(page, 'Remove download')).toBeVisible();
});

test('Export OPML, unsubscribe, Import OPML: the show comes back', async ({ page, feed }) => {
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible();
  await button(page, 'Settings').click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const downloading = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export OPML', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.opml$/);
  const opmlPath = (await download.path()) ?? '';
  const opml = await readFile(opmlPath, 'utf8');
  expect(opml).toContain(feed.feedUrl);
  await page.keyboard.press('Escape');

  // Nothing downloaded: no question about downloads.
  await button(page, 'Unsubscribe').click();
  const dialog = page.getByRole('dialog', { name: `Unsubscribe from ${fixtureShowTitle}?` });
  await expect(dialog.getByRole('button')).toHaveText(['Cancel', 'Unsubscribe']);
  await expect(dialog.getByRole('button', { name: 'Keep downloads' })).toHaveCount(0);
  await expect(dialog).not.toContainText('download');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await unsubscribe(page, 'Unsubscribe');

  await button(page, 'Settings').click();
  const choosing = page.waitForEvent('filechooser');
  await settings.getByRole('button', { name: 'Import OPML', exact: true }).click();
  await (await choosing).setFiles(opmlPath);
  await expect(settings.getByText(/Imported: 1 show added/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(episodeOpener(page, fixtureEpisodes.sockets)).toBeVisible({ timeout: 15_000 });
});
