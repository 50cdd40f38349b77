/**
 * Transcripts in the real browser host (issue 14): the fixture show's last episode offers its
 * transcript as HTML and as WebVTT (tests/fixtures/e2e/queues.vtt: one cue every ten seconds, two
 * speakers). WebVTT wins; the list follows playback, plays from a paragraph on click and on Enter, and
 * notes quote it (M, and a selection's "Add note"); search finds its words; offline, it is still there.
 */
import type { Locator } from '@playwright/test';
import { button, openEpisode, seekTo } from '../../support/earmark-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { expectSeekWithin, noteList, playing, waitForSeekAtLeast } from '../../support/notes-ui.js';
import { transcriptList, transcriptParagraph, transcriptRegion } from '../../support/transcript-ui.js';
import { expect, test } from './fixtures.js';

const quoteOf = (note: Locator) => note.getByLabel('Quote from the transcript');

test('the transcript follows playback and plays from a paragraph on click and on Enter', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.queues);
  const list = transcriptList(page);
  await expect(list).toContainText('Welcome back to the fixture engineering show.');
  // WebVTT, not the HTML page: paragraphs have speakers and times.
  const producers = transcriptParagraph(page, 'So what happens when producers outrun consumers?');
  await expect(producers).toContainText('Host');
  await expect(producers).toContainText('0:30');

  await producers.click();
  await expect(playing(page)).toBeVisible();
  await expectSeekWithin(page, 30, 38);
  await expect(producers).toHaveAttribute('aria-current', 'true');
  // Two cues by the guest make one paragraph, from 0:40; it becomes the one being spoken.
  const grows = transcriptParagraph(page, 'The queue grows until memory runs out');
  await waitForSeekAtLeast(page, 41);
  await expect(grows).toContainText('A bounded mailbox sheds the overflow instead of crashing.');
  await expect(grows).toHaveAttribute('aria-current', 'true');
  await expect(producers).not.toHaveAttribute('aria-current', 'true');
  await expect(button(page, 'Follow along')).toHaveAttribute('aria-pressed', 'true');

  // The keyboard: End reaches the last paragraph (virtualized, so it was not in the page), Enter plays it.
  await grows.focus();
  await page.keyboard.press('End');
  const last = transcriptParagraph(page, 'See you next time.');
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expectSeekWithin(page, 230, 238);
  await expect(last).toHaveAttribute('aria-current', 'true');
});

test('M and a selection make notes that quote the transcript; search finds its words; offline it stays', async ({
  page,
  feed,
}) => {
  await openEpisode(page, fixtureEpisodes.queues);
  await expect(transcriptList(page)).toBeVisible();
  await button(page, 'Listen now').click();
  await waitForSeekAtLeast(page, 1);
  await button(page, 'Pause').click();
  await seekTo(page, 105);

  // M marks 10 s back (the default): 1:35, inside the cue from 1:30.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('m');
  const marked = noteList(page).getByRole('listitem').filter({ hasText: 'Marked moment' });
  await expect(quoteOf(marked)).toHaveText('And HTTP two has flow control per stream.');

  // Selected words become a note at their paragraph's time, quoting exactly them.
  const words = 'a slow reader stalls only its own stream';
  const slow = transcriptParagraph(page, words);
  await slow.getByText(`Right, and ${words}.`).selectText();
  await transcriptRegion(page).getByRole('button', { name: 'Add note', exact: true }).click();
  const quoted = noteList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Jump to 1:40', exact: true }) });
  await expect(quoteOf(quoted)).toHaveText(`Right, and ${words}.`);

  // Search: a transcript phrase opens the episode at its paragraph, paused.
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill("Little's law");
  const results = page.getByRole('region', { name: 'Search results', exact: true });
  const hit = results.getByRole('button', { name: /^Transcript · 2:30/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByRole('heading', { name: fixtureEpisodes.queues, level: 1 })).toBeVisible();
  await expectSeekWithin(page, 149, 152);
  await expect(button(page, 'Play')).toBeVisible();

  // With the show's server gone (the page itself comes from the host, so Chromium stays online): the
  // transcript was kept in the data folder.
  await feed.server.stop();
  await page.reload();
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await openEpisode(page, fixtureEpisodes.queues);
  await expect(transcriptList(page)).toContainText('Welcome back to the fixture engineering show.');
});
