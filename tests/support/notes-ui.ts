/**
 * Chapters and notes as a screen-reader user meets them (docs/architecture.md, "UI names"), for the chapters
 * and notes end-to-end specs. Role and accessible name only.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { button, seekPosition } from './earmark-ui.js';

export const chapterList = (page: Page): Locator => page.getByRole('list', { name: 'Chapters', exact: true });
export const noteList = (page: Page): Locator => page.getByRole('list', { name: 'Notes', exact: true });
export const noteBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Note', exact: true });
export const chapterButton = (page: Page, name: string): Locator =>
  chapterList(page).getByRole('button', { name, exact: true });

/** Polls the Seek slider quickly (expect.poll backs off to 1 s, too coarse for "type at ~5 s"). */
export async function waitForSeekAtLeast(page: Page, seconds: number, timeout = 15_000): Promise<number> {
  await expect
    .poll(() => seekPosition(page), { timeout, intervals: [50], message: `Seek reaches ${seconds} s` })
    .toBeGreaterThanOrEqual(seconds);
  return seekPosition(page);
}

/**
 * The seek position reaches `low` and is at most `high` then. Playback goes on while the test waits
 * (a loaded machine polls late: a jump to 1:38 read 1:40), so callers leave several seconds above the
 * target, still far from any other chapter or note.
 */
export async function expectSeekWithin(page: Page, low: number, high: number): Promise<void> {
  await expect.poll(() => seekPosition(page), { message: `Seek within [${low}, ${high}]` }).toBeGreaterThanOrEqual(low);
  expect(await seekPosition(page)).toBeLessThanOrEqual(high);
}

/**
 * The id of an episode, asked of the host's own API (the page's cookie carries the token). Waits
 * for it: right after the page opens, the first sync of the feed may still be running.
 */
export async function episodeIdOf(page: Page, title: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const episodes = await page.evaluate(async () => {
          const response = await fetch('/api/listEpisodes', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          });
          return ((await response.json()) as { value: { id: string; title: string }[] }).value;
        });
        id = episodes.find((episode) => episode.title === title)?.id;
        return id;
      },
      { message: `an episode titled ${title}`, intervals: [100, 250, 500] },
    )
    .toBeTruthy();
  return id!;
}

export const playing = (page: Page): Locator => button(page, 'Pause');
