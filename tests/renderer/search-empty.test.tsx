// @vitest-environment jsdom
/** Search with no hits says which terms found nothing; one hit is "1 result". */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sampleEpisode } from './fake-bridge';
import { renderApp, resetAppBetweenTests } from './render-app';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

resetAppBetweenTests();

describe('search', () => {
  it('echoes the terms when nothing matches', async () => {
    const fake = await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode')] });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), '  zebra crossing ');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(await within(results).findByText('No notes, chapters or episodes match “zebra crossing”')).toBeTruthy();
    expect(fake.calls.find((call) => call.method === 'search')?.input).toMatchObject({ query: 'zebra crossing' });
  });

  it('announces one hit as "1 result"', async () => {
    // The real search: one hit, the title (show notes without the word).
    await renderApp({ episodes: [sampleEpisode('e1', 'Alpha episode', { showNotesHtml: '<p>Other words</p>' })] });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'alpha');
    const results = screen.getByRole('region', { name: 'Search results' });
    expect(await within(results).findByText('1 result for alpha')).toBeTruthy();
  });
});
