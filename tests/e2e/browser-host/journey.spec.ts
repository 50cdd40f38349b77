import { registerJourney } from '../../support/journey.js';
import { fixtureEpisodes } from '../../support/fixture-feed.js';
import { openEpisode } from '../../support/earmark-ui.js';
import { expect, test } from './fixtures.js';

registerJourney(test);

test('hostile markup logs no CSP error: nothing that carries code reaches any parser', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openEpisode(page, fixtureEpisodes.hostileNotes);
  await expect(page.getByText('This paragraph survives sanitizing.')).toBeVisible();
  // Let the show's images settle, so a handler parsed anywhere would have fired (and been refused) by now.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(page.getByText('This paragraph survives sanitizing.').first()).toBeVisible();
  expect(errors.filter((text) => /Content Security Policy|inline event handler/i.test(text))).toEqual([]);
});
