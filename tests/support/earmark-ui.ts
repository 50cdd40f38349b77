/**
 * Earmark's UI as a screen-reader user meets it: every locator here goes by role and accessible
 * name, exactly as the table "UI names" in docs/architecture.md promises. Shared by the browser-host and the
 * Electron end-to-end tests.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const episodeList = (page: Page): Locator => page.getByRole('list', { name: 'Episodes', exact: true });

/** The button or link in the episode list that opens an episode. */
export function episodeOpener(page: Page, title: string): Locator {
  const list = episodeList(page);
  return list
    .getByRole('button', { name: title, exact: true })
    .or(list.getByRole('link', { name: title, exact: true }));
}

export async function openEpisode(page: Page, title: string): Promise<void> {
  await episodeOpener(page, title).click();
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
}

export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
export const seekSlider = (page: Page): Locator => page.getByRole('slider', { name: 'Seek', exact: true });

/** The control named "Playback speed", whichever widget the UI chose for it. */
export function playbackSpeed(page: Page): Locator {
  const name = { name: 'Playback speed', exact: true };
  return page
    .getByRole('combobox', name)
    .or(page.getByRole('button', name))
    .or(page.getByRole('slider', name))
    .or(page.getByRole('spinbutton', name))
    .or(page.getByRole('radiogroup', name))
    .or(page.getByRole('group', name));
}

/** The Seek slider's position in seconds: aria-valuenow (a native range input's value if absent). */
export async function seekPosition(page: Page): Promise<number> {
  const raw = await seekSlider(page).evaluate((element) => {
    const now = element.getAttribute('aria-valuenow');
    if (now !== null) return now;
    return element instanceof HTMLInputElement ? element.value : '';
  });
  return raw === '' ? Number.NaN : Number(raw);
}

/** Waits until the position reaches at least `seconds`; returns the position seen. */
export async function waitForPosition(page: Page, seconds: number, timeout = 15_000): Promise<number> {
  await expect
    .poll(() => seekPosition(page), { message: `Seek slider reaches ${seconds} s`, timeout })
    .toBeGreaterThanOrEqual(seconds);
  return seekPosition(page);
}

/**
 * Moves the Seek slider to about `seconds` the way a user would: a native range input takes the
 * value directly (as dragging does); a custom slider gets ArrowRight presses.
 */
export async function seekTo(page: Page, seconds: number): Promise<void> {
  const slider = seekSlider(page);
  const native = await slider.evaluate((element) => element instanceof HTMLInputElement && element.type === 'range');
  if (native) {
    await slider.fill(String(seconds));
    return;
  }
  await slider.focus();
  for (let presses = 0; presses < 600 && (await seekPosition(page)) < seconds; presses += 1) {
    await slider.press('ArrowRight');
  }
}

/** Plays until the position is at least `seconds`, then pauses and returns the resting position. */
export async function playThenPause(page: Page, seconds: number): Promise<number> {
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await waitForPosition(page, seconds);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  return seekPosition(page);
}
