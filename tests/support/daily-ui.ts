/**
 * Daily listening (issue 6) as a screen-reader user meets it: Up next, filters, played state, sleep
 * timer, shows. Role and accessible name only, like earmark-ui.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { button, episodeList } from './earmark-ui.js';

export const upNextList = (page: Page): Locator => page.getByRole('list', { name: 'Up next', exact: true });
export const upNextRegion = (page: Page): Locator => page.getByRole('region', { name: 'Up next', exact: true });
export const filterBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Filter episodes', exact: true });
export const stateFilter = (page: Page): Locator => page.getByRole('radiogroup', { name: 'Show', exact: true });
export const player = (page: Page): Locator => page.getByRole('region', { name: 'Player', exact: true });

/** The list row (listitem) of an episode. */
export function episodeRow(page: Page, title: string): Locator {
  return episodeList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

/** Titles of the Episodes list's rows, top to bottom. */
export async function listedTitles(page: Page): Promise<string[]> {
  return episodeList(page)
    .getByRole('listitem')
    .evaluateAll((items) =>
      items
        .map((item) => ({
          at: Number(item.getAttribute('aria-posinset')),
          title: item.querySelector('button')?.textContent ?? '',
        }))
        .sort((a, b) => a.at - b.at)
        .map((item) => item.title),
    );
}

/** The loaded episode's title as the player bar shows it. */
export const playerTitle = (page: Page, title: string): Locator => player(page).getByText(title, { exact: true });

export async function openUpNext(page: Page): Promise<void> {
  await button(page, 'Up next').click();
  await expect(upNextRegion(page)).toBeVisible();
}
