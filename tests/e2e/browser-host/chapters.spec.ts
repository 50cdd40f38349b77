/**
 * Chapters from show-note timestamps in the real browser host: the list, the seek-bar markers,
 * previous/next, timestamps in the notes, and that a chapter jump lands within half a second and plays.
 */
import { button, openEpisode, seekSlider } from '../../support/earmark-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { chapterButton, chapterList, expectSeekWithin, playing, waitForSeekAtLeast } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

const chapterNames = ['0:00 Intro', '1:38 Socket vs Connections', '3:05 Wrapping up'];

test('the chapter list shows the show-note timestamps before playback starts', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  const items = chapterList(page).getByRole('listitem');
  await expect(items).toHaveCount(3);
  for (const name of chapterNames) await expect(chapterButton(page, name)).toBeVisible();
  await expect(button(page, 'Play')).toBeVisible();
  // Episodes without timestamps have no chapter list at all.
  await page.goBack();
  await openEpisode(page, fixtureEpisodes.pooling);
  await expect(chapterList(page)).toHaveCount(0);
});

test('clicking a chapter seeks to its start and plays; aria-current follows', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  await chapterButton(page, '1:38 Socket vs Connections').click();
  await expect(playing(page)).toBeVisible();
  await expectSeekWithin(page, 97, 106);
  await expect(chapterButton(page, '1:38 Socket vs Connections')).toHaveAttribute('aria-current', 'true');
  await expect(chapterButton(page, '0:00 Intro')).not.toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('region', { name: 'Player' })).toContainText('Socket vs Connections');
});

test('a timestamp in the show notes plays from that moment', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  const notes = page.getByRole('region', { name: 'Show notes' });
  await notes.getByRole('button', { name: 'Play from 3:05' }).click();
  await expect(playing(page)).toBeVisible();
  await expectSeekWithin(page, 184, 193);
});

test('the seek-bar marker "Chapter: Wrapping up" jumps to 3:05 and plays', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  const marker = button(page, 'Chapter: Wrapping up');
  await expect(marker).toBeVisible();
  await marker.hover();
  await marker.click();
  await expect(playing(page)).toBeVisible();
  await expectSeekWithin(page, 184, 193);
  await expect(chapterButton(page, '3:05 Wrapping up')).toHaveAttribute('aria-current', 'true');
  await expect(chapterButton(page, '1:38 Socket vs Connections')).not.toHaveAttribute('aria-current', 'true');
  for (const name of ['Chapter: Intro', 'Chapter: Socket vs Connections'])
    await expect(button(page, name)).toBeVisible();
});

test('Previous chapter / Next chapter buttons and Shift+arrow keys move between chapters', async ({ page }) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  await chapterButton(page, '0:00 Intro').click();
  await expect(playing(page)).toBeVisible();
  await button(page, 'Next chapter').click();
  await expectSeekWithin(page, 97, 106);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Shift+ArrowRight');
  await expectSeekWithin(page, 184, 193);
  await expect(button(page, 'Next chapter')).toBeDisabled();
  // More than 3 s into a chapter, "previous" restarts it; right at its start, goes to the one before.
  await waitForSeekAtLeast(page, 189);
  await button(page, 'Previous chapter').click();
  // Below 189, where it was: it went back.
  await expectSeekWithin(page, 184, 188);
  await page.keyboard.press('Shift+ArrowLeft');
  await expectSeekWithin(page, 97, 106);
  await expect(seekSlider(page)).toBeVisible();
});
