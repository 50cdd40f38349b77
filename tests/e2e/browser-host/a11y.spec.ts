/** axe-core on every screen: no serious or critical violations (library, episode, Up next, downloads, search, settings). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { button, openEpisode } from '../../support/earmark-ui.js';
import { openUpNext } from '../../support/daily-ui.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { expect, test } from './fixtures.js';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: library, episode, Up next, downloads, search and settings (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000); // seven full axe scans
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.getByRole('list', { name: 'Episodes', exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'library');

    await openEpisode(page, fixtureEpisodes.sockets);
    await expect(page.getByRole('list', { name: 'Chapters', exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'episode');

    await button(page, 'Add to Up next').click();
    await openUpNext(page);
    await expectNoSeriousViolations(page, 'Up next');

    await button(page, 'Downloads').click();
    await expect(page.getByRole('heading', { name: 'Downloads', level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, 'downloads');

    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('connection');
    await expect(page.getByRole('region', { name: 'Search results', exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'search results');
    await page.getByRole('searchbox', { name: 'Search', exact: true }).press('Escape');

    await button(page, 'Settings').click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expectNoSeriousViolations(page, 'settings');
    await page.keyboard.press('Escape');

    await button(page, 'Sleep timer').click();
    await expect(page.getByRole('menu', { name: 'Sleep timer' })).toBeVisible();
    await expectNoSeriousViolations(page, 'sleep timer menu');
  });
}
