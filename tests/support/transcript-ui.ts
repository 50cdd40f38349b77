/**
 * The transcript on the episode page as a screen-reader user meets it (docs/architecture.md, "UI
 * names"): the region and list "Transcript", one listitem per paragraph. Role and accessible name only.
 */
import type { Locator, Page } from '@playwright/test';

export const transcriptRegion = (page: Page): Locator => page.getByRole('region', { name: 'Transcript', exact: true });
export const transcriptList = (page: Page): Locator => page.getByRole('list', { name: 'Transcript', exact: true });

/** The paragraph holding `words` (only paragraphs near the visible part of the list are in the page). */
export const transcriptParagraph = (page: Page, words: string): Locator =>
  transcriptList(page).getByRole('listitem').filter({ hasText: words });
