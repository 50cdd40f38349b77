/**
 * Keyboard only, no mouse: Tab to the episode list, arrows through it, Enter opens an episode, Tab
 * to Play and Space starts it, type a note and add it; ? shows the shortcuts; ←/→ skip. Every stop
 * shows a visible focus ring.
 */
import type { Page } from '@playwright/test';
import { button, openEpisode, seekPosition, seekSlider } from '../../support/earmark-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { noteBox, noteList, waitForSeekAtLeast } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

/** Presses Tab until the focused element has this accessible name (button/textbox); fails after `max`. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** The focused element draws a focus ring (on itself, or on its ::after for the list's row-wide buttons). */
async function focusRingVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return false;
    const own = getComputedStyle(element);
    const after = getComputedStyle(element, '::after');
    const visible = (style: CSSStyleDeclaration) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return visible(own) || visible(after) || own.boxShadow !== 'none';
  });
}

test('from the list to playing to a note, with the keyboard alone', async ({ page }) => {
  await expect(page.getByRole('list', { name: 'Episodes', exact: true })).toBeVisible();
  await tabTo(page, fixtureEpisodes.sockets);
  expect(await focusRingVisible(page)).toBe(true);
  // Arrows move through the list; Tab leaves it (one Tab stop per list, plus the row's actions).
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: fixtureEpisodes.hostileNotes, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: fixtureEpisodes.pooling, exact: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: fixtureEpisodes.sockets, exact: true })).toBeFocused();

  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: fixtureEpisodes.sockets, level: 1 });
  await expect(heading).toBeFocused();

  await tabTo(page, 'Play');
  expect(await focusRingVisible(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeFocused();
  await waitForSeekAtLeast(page, 2);

  // → skips forward when focus is not on a control that uses arrows.
  await heading.focus();
  const before = await seekPosition(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => seekPosition(page)).toBeGreaterThanOrEqual(before + 25);

  await page.keyboard.press('n'); // N: new note
  await expect(noteBox(page)).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await tabTo(page, 'Add note', 5);
  await page.keyboard.press('Enter');
  await expect(noteList(page)).toContainText('Typed without a mouse');
});

test('? opens the keyboard shortcuts dialog; Escape closes it', async ({ page }) => {
  await expect(page.getByRole('list', { name: 'Episodes', exact: true })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const what of ['Play or pause', 'Skip back 15 seconds', 'Next chapter', 'New note at the current moment']) {
    await expect(dialog.getByText(what)).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test("a row's icon buttons show their name when the keyboard reaches them", async ({ page }) => {
  await tabTo(page, 'Add to Up next');
  const tip = () => page.evaluate(() => getComputedStyle(document.activeElement!, '::after').content);
  expect(await tip()).toBe('"Add to Up next"');
  await page.keyboard.press('Tab');
  expect(await tip()).toBe('"Mark as played"');
});

test('after a click on the Seek slider, Space still pauses and plays and Shift+→ goes to the next chapter', async ({
  page,
}) => {
  await openEpisode(page, fixtureEpisodes.sockets);
  await button(page, 'Listen now').click();
  await expect(button(page, 'Pause')).toBeVisible();
  // A fifth of the way in (about 0:48), clear of the chapter markers at 0:00 and 1:38.
  const track = (await seekSlider(page).boundingBox())!;
  await seekSlider(page).click({ position: { x: track.width / 5, y: track.height / 2 } });
  await expect(seekSlider(page)).toBeFocused();
  await page.keyboard.press(' ');
  await expect(button(page, 'Play')).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => seekPosition(page)).toBe(98);
  await page.keyboard.press(' ');
  await expect(button(page, 'Pause')).toBeVisible();
});
