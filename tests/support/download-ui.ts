/** Downloads as a screen-reader user meets them (docs/architecture.md, "UI names"): role and accessible name only. */
import type { Locator, Page } from '@playwright/test';

export const downloadProgress = (page: Page): Locator =>
  page.getByRole('progressbar', { name: 'Download progress', exact: true });

/** The Downloads view's lists, and one episode's row in them. */
export const downloadedList = (page: Page): Locator =>
  page.getByRole('list', { name: 'Downloaded episodes', exact: true });
export const downloadQueue = (page: Page): Locator => page.getByRole('list', { name: 'Download queue', exact: true });
export const downloadItem = (list: Locator, title: string): Locator =>
  list.getByRole('listitem', { name: title, exact: true });

/** 960,520 bytes → "938 KB", the way the UI writes sizes under 1000 KB. */
export const kilobytes = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
