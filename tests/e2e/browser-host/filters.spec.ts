/** Finding episodes: filter by words (title, show notes, chapters), by state (Show), hide played, and sort by date. */
import { button, openEpisode } from '../../support/earmark-ui.js';
import { episodeRow, filterBox, listedTitles, stateFilter } from '../../support/daily-ui.js';
import { fixtureEpisodeTitles, fixtureEpisodes } from '../../support/fixture-feed.js';
import { noteBox, noteList } from '../../support/notes-ui.js';
import { expect, test } from './fixtures.js';

test('Filter episodes by words in titles and show notes, then by state; Sort oldest first; Hide played', async ({
  page,
}) => {
  await expect.poll(() => listedTitles(page)).toEqual([...fixtureEpisodeTitles]);

  await filterBox(page).fill('connection');
  await expect.poll(() => listedTitles(page)).toEqual([fixtureEpisodes.sockets, fixtureEpisodes.pooling]);
  await filterBox(page).fill('POOLING  explained');
  await expect.poll(() => listedTitles(page)).toEqual([fixtureEpisodes.pooling]);
  // Words in the show notes and in chapter titles find episodes too (issue 12, 3.7).
  await filterBox(page).fill('load shedding');
  await expect.poll(() => listedTitles(page)).toEqual([fixtureEpisodes.queues]);
  await filterBox(page).fill('wrapping up');
  await expect.poll(() => listedTitles(page)).toEqual([fixtureEpisodes.sockets]);
  await filterBox(page).fill('zebra');
  await expect(page.getByText('No episodes match')).toBeVisible();
  await filterBox(page).press('Escape');
  await expect(filterBox(page)).toHaveValue('');

  await page.getByRole('combobox', { name: 'Sort', exact: true }).selectOption({ label: 'Oldest first' });
  await expect.poll(() => listedTitles(page)).toEqual([...fixtureEpisodeTitles].reverse());
  await page.getByRole('combobox', { name: 'Sort', exact: true }).selectOption({ label: 'Newest first' });

  // Has notes: write one on Pooling.
  await openEpisode(page, fixtureEpisodes.pooling);
  await noteBox(page).fill('Pools bound the connections');
  await button(page, 'Add note').click();
  await expect(noteList(page)).toContainText('Pools bound');
  await page.getByRole('button', { name: 'Earmark library', exact: true }).click();
  await stateFilter(page).getByRole('radio', { name: 'Has notes', exact: true }).check();
  await expect.poll(() => listedTitles(page)).toEqual([fixtureEpisodes.pooling]);

  // Played episodes: Unplayed leaves them out; so does Hide played (a setting that persists).
  await stateFilter(page).getByRole('radio', { name: 'All', exact: true }).check();
  const row = episodeRow(page, fixtureEpisodes.queues);
  await row.hover();
  await row.getByRole('button', { name: 'Mark as played', exact: true }).click();
  await stateFilter(page).getByRole('radio', { name: 'Unplayed', exact: true }).check();
  await expect.poll(() => listedTitles(page)).toEqual(fixtureEpisodeTitles.filter((t) => t !== fixtureEpisodes.queues));
  await stateFilter(page).getByRole('radio', { name: 'All', exact: true }).check();
  await expect.poll(() => listedTitles(page)).toEqual([...fixtureEpisodeTitles]);
  await page.getByRole('checkbox', { name: 'Hide played', exact: true }).check();
  await expect.poll(() => listedTitles(page)).toEqual(fixtureEpisodeTitles.filter((t) => t !== fixtureEpisodes.queues));
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Hide played', exact: true })).toBeChecked();
  await expect.poll(() => listedTitles(page)).toEqual(fixtureEpisodeTitles.filter((t) => t !== fixtureEpisodes.queues));
});
