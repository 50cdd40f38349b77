/** "Find podcasts" by role and accessible name (docs/architecture.md, UI names). */
import type { Locator, Page } from '@playwright/test';

export const findPodcastsButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Find podcasts', exact: true });
export const findPodcastsBox = (page: Page): Locator =>
  page.getByRole('searchbox', { name: 'Find podcasts', exact: true });
export const podcastsFound = (page: Page): Locator => page.getByRole('list', { name: 'Podcasts found', exact: true });
/** One result, by the show's title. */
export const foundShow = (page: Page, title: string): Locator =>
  podcastsFound(page).getByRole('listitem').filter({ hasText: title });
export const subscribeToShow = (page: Page, title: string): Locator =>
  page.getByRole('button', { name: `Subscribe to ${title}`, exact: true });
